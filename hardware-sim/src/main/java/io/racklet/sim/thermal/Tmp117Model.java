package io.racklet.sim.thermal;

import io.racklet.sim.board.RegisterDevice;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Register model of TI's TMP117 (datasheet SNOSD82): temperature (0x00, signed 16-bit,
 * 7.8125 mC/LSB), configuration (0x01) and device ID (0x0F, 0x0117). Noise of about 0.01 C.
 */
public final class Tmp117Model extends RegisterDevice {
    private final DoubleSupplier celsius;
    private final Random noise;

    public Tmp117Model(DoubleSupplier celsius, long seed) {
        super("TMP117");
        this.celsius = celsius;
        this.noise = new Random(seed);
    }

    @Override
    protected int readRegister(int register) {
        return switch (register) {
            case 0x00 -> (int) Math.round((celsius.getAsDouble() + noise.nextGaussian() * 0.01) / 0.0078125) & 0xFFFF;
            case 0x01 -> 0x0220;
            case 0x0F -> 0x0117;
            default -> 0;
        };
    }
}
