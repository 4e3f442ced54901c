package io.racklet.sim.energy;

import io.racklet.sim.board.RegisterDevice;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Register model of TI's INA260 (datasheet SBOS656C): current (0x01, 1.25 mA/LSB), bus voltage
 * (0x02, 1.25 mV/LSB), power (0x03, 10 mW/LSB), configuration (0x00), mask/enable (0x06) and the
 * ID registers (0xFE "TI", 0xFF die ID). Its 2 mOhm shunt is inside the part.
 */
public final class Ina260Model extends RegisterDevice {
    public static final int CONFIG = 0x00, CURRENT = 0x01, BUS = 0x02, POWER = 0x03, MASK_ENABLE = 0x06,
            MANUFACTURER_ID = 0xFE, DIE_ID = 0xFF;
    private static final int CONFIG_RESET_VALUE = 0x6127;
    private static final Duration CONVERSION = Duration.ofNanos(2_200_000);

    private final InstantSource clock;
    private final DoubleSupplier railVolts;
    private final DoubleSupplier railAmps;
    private final Random noise;
    private int config = CONFIG_RESET_VALUE;
    private Instant convertedAt;
    private int currentRaw;
    private int busRaw;
    private boolean overflow;

    public Ina260Model(InstantSource clock, DoubleSupplier railVolts, DoubleSupplier railAmps, long seed) {
        super("INA260");
        this.clock = clock;
        this.railVolts = railVolts;
        this.railAmps = railAmps;
        this.noise = new Random(seed);
    }

    @Override
    protected void beforeTransaction() {
        convertIfDue();
    }

    @Override
    protected void writeRegister(int register, int value) {
        if (register == CONFIG) {
            config = (value & 0x8000) != 0 ? CONFIG_RESET_VALUE : value;
        }
    }

    private void convertIfDue() {
        Instant now = clock.instant();
        if (convertedAt != null && Duration.between(convertedAt, now).compareTo(CONVERSION) < 0) return;
        convertedAt = now;
        double amps = railAmps.getAsDouble() + noise.nextGaussian() * 0.00125;
        int raw = (int) Math.round(amps / 0.00125);
        overflow = Math.abs(raw) > 32767;
        currentRaw = Math.max(-32768, Math.min(32767, raw));
        busRaw = Math.min(0x7FFF, (int) Math.round(Math.max(0, railVolts.getAsDouble() + noise.nextGaussian() * 0.00125) / 0.00125));
    }

    @Override
    protected int readRegister(int reg) {
        return switch (reg) {
            case CONFIG -> config;
            case CURRENT -> currentRaw & 0xFFFF;
            case BUS -> busRaw;
            case POWER -> (int) Math.min(0xFFFF, Math.round(Math.abs(currentRaw * 0.00125) * busRaw * 0.00125 / 0.010));
            case MASK_ENABLE -> overflow ? 0x0004 : 0;
            case MANUFACTURER_ID -> 0x5449;
            case DIE_ID -> 0x2270;
            default -> 0;
        };
    }
}
