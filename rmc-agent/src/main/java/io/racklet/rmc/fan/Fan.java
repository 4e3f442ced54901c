package io.racklet.rmc.fan;

import java.time.Instant;

/** The port to one fan: drive it, and measure what it does. */
public interface Fan {
    String name();

    double maxRpm();

    /** Sets the PWM duty, 0..100 %. */
    void drive(double dutyPercent);

    double duty();

    /** Speed from the tachometer over the last half second or more, as of {@code now}. */
    double rpm(Instant now);
}
