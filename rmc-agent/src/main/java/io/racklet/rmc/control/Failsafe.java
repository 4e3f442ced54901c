package io.racklet.rmc.control;

/**
 * Duty per failsafe cause, each configurable (rmc.yaml gives the defaults, the fan policy in the
 * rack spec overrides them; "noPolicy" necessarily comes from rmc.yaml).
 *
 * @param sensorStale no fresh zone temperature for more than 2 s (also at start, until sensors report)
 * @param fanFailure  the least duty of the remaining fans while one has failed
 * @param noPolicy    no valid fan policy
 */
public record Failsafe(Double sensorStale, Double fanFailure, Double noPolicy) {
    public static final Failsafe DEFAULTS = new Failsafe(null, null, null);

    public Failsafe {
        if (sensorStale == null) sensorStale = 100.0;
        if (fanFailure == null) fanFailure = 100.0;
        if (noPolicy == null) noPolicy = 80.0;
        for (double d : new double[] {sensorStale, fanFailure, noPolicy}) {
            if (d < 0 || d > 100) throw new IllegalArgumentException("field 'failsafe': duties are 0-100 %, got " + d);
        }
    }
}
