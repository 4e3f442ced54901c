package io.racklet.sim.thermal;

import io.racklet.sim.board.RegisterDevice;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Register model of TI's TMP102 (datasheet SBOS397): temperature (0x00, 12-bit two's complement
 * in bits 15..4, 0.0625 C/LSB) and configuration (0x01, reset 0x60A0). Noise of about 0.05 C.
 */
public final class Tmp102Model extends RegisterDevice {
    private final DoubleSupplier celsius;
    private final Random noise;
    private int config = 0x60A0;

    public Tmp102Model(DoubleSupplier celsius, long seed) {
        super("TMP102");
        this.celsius = celsius;
        this.noise = new Random(seed);
    }

    @Override
    protected int readRegister(int register) {
        return switch (register) {
            case 0x00 -> (Math.max(-2048, Math.min(2047,
                    (int) Math.round((celsius.getAsDouble() + noise.nextGaussian() * 0.05) / 0.0625))) << 4) & 0xFFFF;
            case 0x01 -> config;
            default -> 0;
        };
    }

    @Override
    protected void writeRegister(int register, int value) {
        if (register == 0x01) config = value;
    }
}
