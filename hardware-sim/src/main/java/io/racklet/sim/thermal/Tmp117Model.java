package io.racklet.sim.thermal;

import io.racklet.sim.board.I2cDevice;
import io.racklet.sim.energy.RegisterFaults;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Register model of TI's TMP117 (datasheet SNOSD82): temperature (0x00, signed 16-bit,
 * 7.8125 mC/LSB), configuration (0x01) and device ID (0x0F, 0x0117). Noise of about 0.01 C.
 */
public final class Tmp117Model implements I2cDevice {
    private final DoubleSupplier celsius;
    private final Random noise;
    private final RegisterFaults faults = new RegisterFaults();
    private int pointer;

    public Tmp117Model(DoubleSupplier celsius, long seed) {
        this.celsius = celsius;
        this.noise = new Random(seed);
    }

    public RegisterFaults faults() {
        return faults;
    }

    @Override
    public synchronized byte[] transfer(byte[] write, int readLength) {
        faults.beforeTransfer("TMP117");
        if (write.length >= 1) pointer = write[0] & 0xFF;
        int value = switch (pointer) {
            case 0x00 -> (int) Math.round((celsius.getAsDouble() + noise.nextGaussian() * 0.01) / 0.0078125) & 0xFFFF;
            case 0x01 -> 0x0220;
            case 0x0F -> 0x0117;
            default -> 0;
        };
        value = faults.override(pointer, value);
        byte[] out = new byte[readLength];
        if (readLength >= 1) out[0] = (byte) (value >> 8);
        if (readLength >= 2) out[1] = (byte) value;
        return out;
    }
}
