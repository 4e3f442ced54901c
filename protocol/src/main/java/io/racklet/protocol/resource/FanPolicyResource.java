package io.racklet.protocol.resource;

import java.util.List;

/**
 * How the RMC cools the rack: a cascaded PID (temperature to fan speed to PWM) or a piecewise
 * curve (temperature to duty), failsafe duty per cause, and the nodes' thermal thresholds.
 * At most one per rack; without one the RMC runs its "noPolicy" failsafe.
 */
public record FanPolicyResource(Metadata metadata, Spec spec) implements Resource {

    public enum Mode { pid, curve }

    /**
     * @param mode              pid or curve
     * @param targetCelsius     rack air temperature the PID holds
     * @param hysteresisCelsius error band in which the PID does not react
     * @param pid               temperature loop: RPM per degree (kp), per degree-second (ki), per degree/second (kd)
     * @param fanPid            fan loop: duty % per RPM of error (kp), per RPM-second (ki)
     * @param rpm               the fans' usable speed range
     * @param curve             points of temperature to duty, by rising temperature
     * @param failsafe          duty % per cause
     * @param thermal           node temperature thresholds
     */
    public record Spec(Mode mode, Double targetCelsius, Double hysteresisCelsius, Gains pid, Gains fanPid, RpmRange rpm,
            List<CurvePoint> curve, Failsafe failsafe, Thermal thermal) {}

    public record Gains(double kp, double ki, double kd) {}

    public record RpmRange(double min, double max) {}

    public record CurvePoint(double celsius, double duty) {}

    /**
     * @param sensorStale no fresh temperature for more than 2 s
     * @param fanFailure  a fan reads 0 RPM while driven: the others run at least at this duty
     * @param noPolicy    no valid policy (missing or rejected)
     */
    public record Failsafe(double sensorStale, double fanFailure, double noPolicy) {}

    public record Thermal(double warnCelsius, double criticalCelsius, double shutdownCelsius) {}
}
