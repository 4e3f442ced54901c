package io.racklet.rmc.fan;

/**
 * One fan on the RMC HAT.
 *
 * @param name         how events and telemetry call it
 * @param pwm          PWM channel (GPIO 12 or 13 are the Pi's hardware PWMs)
 * @param tach         GPIO line of the tachometer output
 * @param pulsesPerRev tach pulses per revolution (default 2, as most PC fans)
 * @param maxRpm       speed at full duty (default 4200), for the fan loop's feed-forward
 * @param frequency    PWM frequency in Hz (default 25000, the 4-wire fan standard)
 */
public record FanConfig(String name, Integer pwm, Integer tach, Integer pulsesPerRev, Double maxRpm, Integer frequency) {
    public FanConfig {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("field 'fans[].name': missing (required)");
        if (pwm == null) throw new IllegalArgumentException("field 'fans[" + name + "].pwm': missing (required)");
        if (tach == null) throw new IllegalArgumentException("field 'fans[" + name + "].tach': missing (required)");
        if (pulsesPerRev == null) pulsesPerRev = 2;
        if (maxRpm == null) maxRpm = 4200.0;
        if (frequency == null) frequency = 25_000;
        if (pulsesPerRev < 1) throw new IllegalArgumentException("field 'fans[" + name + "].pulsesPerRev': must be at least 1");
        if (maxRpm <= 0) throw new IllegalArgumentException("field 'fans[" + name + "].maxRpm': must be positive");
    }
}
