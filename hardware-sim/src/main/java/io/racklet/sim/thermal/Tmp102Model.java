package io.racklet.sim.thermal;

import io.racklet.sim.board.I2cDevice;
import io.racklet.sim.energy.RegisterFaults;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Register model of TI's TMP102 (datasheet SBOS397): temperature (0x00, 12-bit two's complement
 * in bits 15..4, 0.0625 C/LSB) and configuration (0x01, reset 0x60A0). Noise of about 0.05 C.
 */
public final class Tmp102Model implements I2cDevice {
    private final DoubleSupplier celsius;
    private final Random noise;
    private final RegisterFaults faults = new RegisterFaults();
    private int pointer;
    private int config = 0x60A0;

    public Tmp102Model(DoubleSupplier celsius, long seed) {
        this.celsius = celsius;
        this.noise = new Random(seed);
    }

    public RegisterFaults faults() {
        return faults;
    }

    @Override
    public synchronized byte[] transfer(byte[] write, int readLength) {
        faults.beforeTransfer("TMP102");
        if (write.length >= 1) pointer = write[0] & 0xFF;
        if (write.length >= 3 && pointer == 0x01) config = ((write[1] & 0xFF) << 8) | (write[2] & 0xFF);
        int value = switch (pointer) {
            case 0x00 -> (Math.max(-2048, Math.min(2047, (int) Math.round((celsius.getAsDouble() + noise.nextGaussian() * 0.05) / 0.0625))) << 4) & 0xFFFF;
            case 0x01 -> config;
            default -> 0;
        };
        value = faults.override(pointer, value);
        byte[] out = new byte[readLength];
        if (readLength >= 1) out[0] = (byte) (value >> 8);
        if (readLength >= 2) out[1] = (byte) value;
        return out;
    }
}
