package io.racklet.sim.power;

import java.time.Duration;

/**
 * What a Raspberry Pi 4 draws from its 5 V rail over time after power-on, in amps: a short inrush
 * while its input capacitors charge, a busy boot, then idle plus whatever load is applied.
 * Figures from published Pi 4B measurements: about 2.7 W idle, 6.4 W under full CPU load.
 */
public record LoadProfile(
        double inrushAmps, Duration inrush, double bootAmps, Duration boot, double idleAmps, double fullLoadAmps) implements NodeDraw {

    public static final LoadProfile RASPBERRY_PI_4 =
            new LoadProfile(2.5, Duration.ofMillis(200), 0.95, Duration.ofSeconds(20), 0.54, 1.28);

    /**
     * Current drawn {@code sinceOn} after the rail came up, with {@code load} (0..1) of CPU use once booted.
     */
    @Override
    public double amps(Duration sinceOn, double load) {
        if (sinceOn.isNegative()) {
            return 0;
        }
        if (sinceOn.compareTo(inrush) < 0) {
            // capacitor charging: exponential decay from the inrush peak
            double t = sinceOn.toNanos() / (double) inrush.toNanos();
            return bootAmps + (inrushAmps - bootAmps) * Math.exp(-4 * t);
        }
        if (sinceOn.compareTo(boot) < 0) {
            return bootAmps;
        }
        return idleAmps + (fullLoadAmps - idleAmps) * Math.max(0, Math.min(1, load));
    }

    /** True while the node is still booting (for models that want to know, e.g. a console). */
    @Override
    public boolean booting(Duration sinceOn) {
        return !sinceOn.isNegative() && sinceOn.compareTo(boot) < 0;
    }
}
