package io.racklet.bmc.power;

import java.time.Duration;

/**
 * @param limitAmps the node's current limit (default 3.0 A, a Pi 4's supply rating)
 * @param holdTime  how long the current may stay above the limit before power is cut (default
 *                  500ms: longer than a Pi's inrush, shorter than a short circuit melts a trace)
 */
public record OverCurrentConfig(Double limitAmps, Duration holdTime) {
    public static final OverCurrentConfig DEFAULTS = new OverCurrentConfig(null, null);

    public OverCurrentConfig {
        if (limitAmps == null) limitAmps = 3.0;
        if (holdTime == null) holdTime = Duration.ofMillis(500);
        if (limitAmps <= 0) throw new IllegalArgumentException("field 'power.overCurrent.limitAmps': must be positive");
        if (holdTime.isNegative()) throw new IllegalArgumentException("field 'power.overCurrent.holdTime': must not be negative");
    }
}
