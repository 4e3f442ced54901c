package io.racklet.rmc.fan;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A 4-wire fan through Pi4J: hardware PWM for the drive, and its tachometer counted edge by edge
 * on a digital input (rising edges, {@code pulsesPerRev} per revolution).
 */
public final class PwmFan implements Fan {
    /** Speed is measured over at least this window: at 1000 RPM and 2 pulses that is 16 pulses. */
    static final Duration WINDOW = Duration.ofMillis(500);

    private final FanConfig config;
    private final Pwm pwm;
    private final AtomicLong pulses = new AtomicLong();
    private double duty = -1;
    private Instant windowStart;
    private long windowPulses;
    private double rpm;

    public PwmFan(Context pi4j, FanConfig config) {
        this.config = config;
        this.pwm = pi4j.create(Pwm.newConfigBuilder(pi4j).id("fan-pwm-" + config.name()).address(config.pwm())
                .pwmType(PwmType.HARDWARE).frequency(config.frequency()).build());
        DigitalInput tach = pi4j.create(DigitalInput.newConfigBuilder(pi4j).id("fan-tach-" + config.name())
                .address(config.tach()).build());
        tach.addListener(e -> {
            if (e.state() == DigitalState.HIGH) pulses.incrementAndGet();
        });
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public double maxRpm() {
        return config.maxRpm();
    }

    @Override
    public void drive(double dutyPercent) {
        double d = Math.max(0, Math.min(100, dutyPercent));
        if (d == duty) return;
        duty = d;
        pwm.on(d, config.frequency());
    }

    @Override
    public double duty() {
        return Math.max(0, duty);
    }

    @Override
    public synchronized double rpm(Instant now) {
        long count = pulses.get();
        if (windowStart == null) {
            windowStart = now;
            windowPulses = count;
            return rpm;
        }
        Duration elapsed = Duration.between(windowStart, now);
        if (elapsed.compareTo(WINDOW) >= 0) {
            rpm = (count - windowPulses) / (double) config.pulsesPerRev() / (elapsed.toNanos() / 1e9) * 60;
            windowStart = now;
            windowPulses = count;
        }
        return rpm;
    }
}
