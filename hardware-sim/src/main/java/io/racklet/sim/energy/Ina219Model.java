package io.racklet.sim.energy;

import io.racklet.sim.board.RegisterDevice;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Register model of TI's INA219 current/power monitor (datasheet SBOS448G): configuration (0x00),
 * shunt voltage (0x01, 10 uV/LSB), bus voltage (0x02, 4 mV/LSB in bits 15..3, CNVR, OVF), power
 * (0x03), current (0x04) and calibration (0x05). Reads the modelled rail through the shunt with
 * Gaussian noise; power and current registers follow the calibration exactly as the part computes
 * them. Registers are big-endian; reads start at the last written pointer.
 */
public final class Ina219Model extends RegisterDevice {
    public static final int CONFIG = 0x00, SHUNT = 0x01, BUS = 0x02, POWER = 0x03, CURRENT = 0x04, CALIBRATION = 0x05;
    private static final int CONFIG_RESET_VALUE = 0x399F;

    /** Conversion time at the reset configuration (12-bit, no averaging): 532 us per channel. */
    private static final Duration CONVERSION = Duration.ofNanos(1_064_000);

    private final InstantSource clock;
    private final DoubleSupplier railVolts;
    private final DoubleSupplier railAmps;
    private final double shuntOhms;
    private final Random noise;
    private int config = CONFIG_RESET_VALUE;
    private int calibration;
    private Instant convertedAt;
    private int shuntRaw;
    private double busVolts;
    private boolean overflow;

    public Ina219Model(InstantSource clock, DoubleSupplier railVolts, DoubleSupplier railAmps, double shuntOhms, long seed) {
        super("INA219");
        this.clock = clock;
        this.railVolts = railVolts;
        this.railAmps = railAmps;
        this.shuntOhms = shuntOhms;
        this.noise = new Random(seed);
    }

    /** Makes the next {@code n} transactions fail with a NACK, as a loose wire or bus glitch would. */
    public void failNext(int n) {
        faults().failNext(n);
    }

    @Override
    protected void beforeTransaction() {
        convertIfDue();
    }

    @Override
    protected void writeRegister(int reg, int value) {
        switch (reg) {
            case CONFIG -> config = (value & 0x8000) != 0 ? CONFIG_RESET_VALUE : value;
            case CALIBRATION -> calibration = value & 0xFFFE; // bit 0 is read-only zero
            default -> { /* read-only registers ignore writes, like the part */ }
        }
        if ((value & 0x8000) != 0 && reg == CONFIG) {
            calibration = 0;
        }
    }

    @Override
    protected int readRegister(int reg) {
        return switch (reg) {
            case CONFIG -> config;
            case SHUNT -> shuntRegister() & 0xFFFF;
            case BUS -> busRegister();
            case POWER -> powerRegister();
            case CURRENT -> currentRegister() & 0xFFFF;
            case CALIBRATION -> calibration;
            default -> 0;
        };
    }

    /**
     * The part converts continuously; registers hold the last conversion. Refreshing only once per
     * conversion time keeps shunt, bus, current and power registers consistent within a reading.
     */
    private void convertIfDue() {
        Instant now = clock.instant();
        if (convertedAt != null && Duration.between(convertedAt, now).compareTo(CONVERSION) < 0) {
            return;
        }
        convertedAt = now;
        double amps = railAmps.getAsDouble();
        double shuntVolts = amps * shuntOhms + noise.nextGaussian() * 10e-6;
        int raw = (int) Math.round(shuntVolts / 10e-6);
        int pgaLimit = 4000 << ((config >> 11) & 0x3); // 40, 80, 160, 320 mV in 10 uV steps
        overflow = Math.abs(raw) > pgaLimit;
        shuntRaw = Math.max(-pgaLimit, Math.min(pgaLimit, raw));
        busVolts = Math.max(0, railVolts.getAsDouble() + noise.nextGaussian() * 0.004);
    }

    private int shuntRegister() {
        return shuntRaw;
    }

    private int busRegister() {
        int raw = Math.min(0x1FFF, (int) Math.round(busVolts / 0.004));
        return (raw << 3) | 0x2 | (overflow ? 0x1 : 0);
    }

    private int currentRegister() {
        return (int) ((long) shuntRaw * calibration / 4096);
    }

    private int powerRegister() {
        return (int) Math.min(0xFFFF, Math.abs((long) currentRegister() * (busRegister() >> 3) / 5000));
    }
}
