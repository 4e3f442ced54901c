package io.racklet.rmc.selftest;

import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.io.i2c.I2C;
import io.racklet.drivers.selftest.HeaderPins;
import io.racklet.drivers.selftest.SelftestReport;
import io.racklet.drivers.thermal.Ds18b20;
import io.racklet.drivers.thermal.Tmp102;
import io.racklet.drivers.thermal.Tmp117;
import io.racklet.rmc.RmcConfig;
import io.racklet.rmc.fan.FanConfig;
import io.racklet.rmc.fan.PwmFan;
import io.racklet.rmc.thermal.SensorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks an RMC HAT's wiring through the agent's own Pi4J and drivers: each rack sensor answers
 * with its ID and a plausible temperature, and each fan, driven at full duty, spins up and reports
 * tach pulses. Fans are left at full duty (cooling on) until the agent takes over.
 */
public final class RmcSelftest {
    /** A fan counts as spinning once its tach reads this share of its rated speed. */
    static final double SPINNING_SHARE = 0.2;

    private final RmcConfig config;
    private final Supplier<Context> pi4j;
    private final Duration spinUp;

    /** @param spinUp how long fans get to reach {@link #SPINNING_SHARE} of their rated speed */
    public RmcSelftest(RmcConfig config, Supplier<Context> pi4j, Duration spinUp) {
        this.config = config;
        this.pi4j = pi4j;
        this.spinUp = spinUp;
    }

    public SelftestReport run() throws InterruptedException {
        SelftestReport report = new SelftestReport("racklet-rmc selftest: rack " + config.rack());
        Context[] ctx = new Context[1];
        boolean platform = report.run("Pi4J platform", "loads GPIO, I2C and PWM providers",
                "the racklet-rmc package's Pi4J plugins (gpiod, linuxfs); /dev/gpiochip0, /dev/i2c-1 and "
                        + "/sys/class/pwm/pwmchip0 exist (dtparam=i2c_arm=on, dtoverlay=pwm-2chan in /boot/firmware/config.txt)", () -> {
                    ctx[0] = pi4j.get();
                    return "GPIO " + ctx[0].provider(IOType.DIGITAL_INPUT).id() + ", I2C " + ctx[0].provider(IOType.I2C).id()
                            + ", PWM " + ctx[0].provider(IOType.PWM).id();
                });
        for (SensorConfig s : config.sensors()) sensor(report, platform ? ctx[0] : null, s);
        fans(report, platform ? ctx[0] : null);
        return report;
    }

    private static void sensor(SelftestReport report, Context ctx, SensorConfig s) {
        if (s.chip() == SensorConfig.Chip.DS18B20) {
            report.run("DS18B20 " + s.name() + " 28-" + s.serial(), "reads a plausible temperature",
                    "dtoverlay=w1-gpio in /boot/firmware/config.txt (data on " + HeaderPins.describe(4) + "), a 4.7 kOhm pull-up "
                            + "from data to 3V3, and " + s.path().resolve("28-" + s.serial()) + " present (serial as printed on ls "
                            + s.path() + ")",
                    () -> String.format("%.2f C", new Ds18b20(s.path(), s.serial()).celsius()));
            return;
        }
        String part = s.chip().name() + " " + s.name() + String.format(" i2c-%d 0x%02x", s.bus(), s.address());
        String hint = "the " + s.chip().name() + " (" + s.name() + "): " + HeaderPins.i2c(s.bus())
                + String.format("; ADD0 wired for 0x%02x (i2cdetect -y %d should list %02x)", s.address(), s.bus(), s.address());
        if (ctx == null) {
            report.skipped(part, "answers with its ID", "no Pi4J platform", hint);
            return;
        }
        I2C[] i2c = new I2C[1];
        boolean ok = report.run(part, "answers with its ID", hint, () -> {
            i2c[0] = ctx.create(I2C.newConfigBuilder(ctx).id("selftest-" + s.name()).bus(s.bus()).device(s.address()).build());
            return s.chip() == SensorConfig.Chip.TMP102 ? new Tmp102(i2c[0]).identify() : new Tmp117(i2c[0]).identify();
        });
        if (ok) {
            report.run(part, "reads a plausible temperature", hint, () -> String.format("%.2f C",
                    s.chip() == SensorConfig.Chip.TMP102 ? new Tmp102(i2c[0]).celsius() : new Tmp117(i2c[0]).celsius()));
        }
    }

    /** All fans spin up together, so the check takes one spin-up time, not one per fan. */
    private void fans(SelftestReport report, Context ctx) throws InterruptedException {
        Map<FanConfig, PwmFan> started = new LinkedHashMap<>();
        for (FanConfig f : config.fans()) {
            String part = part(f);
            if (ctx == null) {
                report.skipped(part, "spins and reports tach", "no Pi4J platform", hint(f));
                continue;
            }
            // a fan whose PWM or tach line cannot be opened fails here; the others still get their spin-up
            report.run(part, "PWM and tach lines open", hint(f), () -> {
                PwmFan fan = new PwmFan(ctx, f);
                fan.drive(100);
                started.put(f, fan);
                return String.format("driven at 100 %% duty, %d Hz", f.frequency());
            });
        }
        if (started.isEmpty()) return;
        Instant start = Instant.now();
        Instant end = start.plus(spinUp);
        Map<FanConfig, Double> rpm = new LinkedHashMap<>();
        Map<FanConfig, Duration> reached = new LinkedHashMap<>();
        while (Instant.now().isBefore(end) && reached.size() < started.size()) {
            Thread.sleep(100);
            Instant now = Instant.now();
            started.forEach((f, fan) -> {
                double r = fan.rpm(now);
                rpm.put(f, r);
                if (r >= SPINNING_SHARE * f.maxRpm()) reached.putIfAbsent(f, Duration.between(start, now));
            });
        }
        started.keySet().forEach(f -> report.run(part(f), "spins and reports tach", hint(f), () -> {
            double r = rpm.getOrDefault(f, 0.0);
            if (!reached.containsKey(f)) {
                throw new IllegalStateException(String.format("tach reads %.0f rpm after %.1f s at 100 %% duty, expected at least %.0f rpm",
                        r, spinUp.toMillis() / 1000.0, SPINNING_SHARE * f.maxRpm()));
            }
            return String.format("%.0f rpm at 100 %% duty after %.1f s", r, reached.get(f).toMillis() / 1000.0);
        }));
    }

    private static String part(FanConfig f) {
        return "fan " + f.name() + " PWM GPIO" + f.pwm() + " tach GPIO" + f.tach();
    }

    private static String hint(FanConfig f) {
        return "the fan's 12 V supply and connector; its PWM wire from " + HeaderPins.describe(f.pwm())
                + " through the HAT's driver (dtoverlay=pwm-2chan), its tach wire to " + HeaderPins.describe(f.tach())
                + " with its pull-up to 3V3; pulsesPerRev (" + f.pulsesPerRev() + ") as the fan's datasheet says; nothing blocks the blades";
    }
}
