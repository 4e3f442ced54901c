package io.racklet.rmc.control;

import io.racklet.protocol.message.RackTelemetry;
import io.racklet.protocol.resource.FanPolicyResource;
import io.racklet.rmc.fan.Fan;
import io.racklet.rmc.thermal.SensorPoller;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rack's cooling as a cascaded control loop: every second the temperature loop turns the
 * zone's temperature error into a fan-speed target (PID) or a duty (curve); every 100 ms the fan
 * loop drives each fan towards it (PI on the measured RPM, with feed-forward), kicks stopped fans
 * into motion, and detects fans that do not turn. Failsafe duty per cause overrides everything:
 * no valid policy, no fresh temperature (so the zone starts in failsafe), a failed fan (the
 * others run at least at its level).
 */
public final class CoolingZone {
    public static final Duration TEMPERATURE_PERIOD = Duration.ofSeconds(1);
    public static final Duration FAN_PERIOD = Duration.ofMillis(100);
    static final Duration KICK = Duration.ofSeconds(2);
    static final Duration FAILURE_AFTER = Duration.ofSeconds(3);
    static final double KICK_BELOW_RPM = 100, FAILED_BELOW_RPM = 50, RECOVERED_ABOVE_RPM = 300;
    /** The fan loop corrects the feed-forward by at most this much duty, either way. */
    static final double FAN_TRIM = 25;
    /** Below this a 4-wire fan may stall, so a running fan is never asked for less. */
    static final double MIN_RUNNING_DUTY = 20;

    private final List<Fan> fans;
    private final SensorPoller sensors;
    private final InstantSource clock;
    private final ZoneEvents events;
    private final Failsafe agentFailsafe;
    private final Map<String, FanState> fanStates = new HashMap<>();

    private FanPolicyResource.Spec policy;
    private String policyCause = "no fan policy yet";
    private Failsafe failsafe;
    private Pid temperaturePid;
    private FanCurve curve;
    private String mode = "failsafe";
    private String cause = "starting: no temperature yet";
    private Double zoneCelsius;
    private double rpmTarget;
    private double curveDuty;
    private double failsafeDuty;

    private static final class FanState {
        Pid pid;
        Instant kickUntil;
        Instant lowSince;
        boolean failed;
        double rpm;
    }

    public CoolingZone(List<Fan> fans, SensorPoller sensors, InstantSource clock, ZoneEvents events, Failsafe agentFailsafe) {
        this.fans = List.copyOf(fans);
        this.sensors = sensors;
        this.clock = clock;
        this.events = events;
        this.agentFailsafe = agentFailsafe;
        this.failsafe = agentFailsafe;
        this.failsafeDuty = agentFailsafe.sensorStale();
        fans.forEach(f -> fanStates.put(f.name(), new FanState()));
    }

    /** A new fan policy from the rack spec, or none (empty) with the reason. */
    public void setPolicy(Optional<FanPolicyResource.Spec> p, String why) {
        policy = p.orElse(null);
        policyCause = why;
        failsafe = policy == null ? agentFailsafe
                : new Failsafe(policy.failsafe().sensorStale(), policy.failsafe().fanFailure(), agentFailsafe.noPolicy());
        temperaturePid = null;
        curve = null;
        if (policy != null && policy.mode() == FanPolicyResource.Mode.pid) {
            var g = policy.pid();
            temperaturePid = new Pid(g.kp(), g.ki(), g.kd(), policy.rpm().min(), policy.rpm().min(), policy.rpm().max(),
                    policy.hysteresisCelsius() == null ? 0 : policy.hysteresisCelsius());
            rpmTarget = policy.rpm().min();
            fanStates.values().forEach(s -> s.pid = new Pid(policy.fanPid().kp(), policy.fanPid().ki(), policy.fanPid().kd(),
                    0, -FAN_TRIM, FAN_TRIM, 0));
        } else if (policy != null) {
            curve = new FanCurve(policy.curve(), policy.hysteresisCelsius() == null ? 0 : policy.hysteresisCelsius());
        }
    }

    /** The slow loop: where the zone stands and what it asks of the fans. */
    public void temperatureLoop() {
        zoneCelsius = sensors.zoneCelsius().orElse(null);
        String newMode;
        String newCause;
        if (policy == null) {
            newMode = "failsafe";
            newCause = "no valid fan policy: " + policyCause;
            failsafeDuty = failsafe.noPolicy();
        } else if (zoneCelsius == null) {
            newMode = "failsafe";
            newCause = "no fresh temperature from any zone sensor (stale after " + SensorPoller.STALE_AFTER.toSeconds() + " s)";
            failsafeDuty = failsafe.sensorStale();
        } else {
            newMode = policy.mode().name();
            newCause = "fan policy " + policyCause;
            double dt = TEMPERATURE_PERIOD.toNanos() / 1e9;
            if (temperaturePid != null) {
                rpmTarget = temperaturePid.update(zoneCelsius - policy.targetCelsius(), dt);
            } else {
                curveDuty = curve.duty(zoneCelsius);
            }
        }
        if (!newMode.equals(mode) || !newCause.equals(cause)) {
            events.event(newMode.equals("failsafe") ? "cooling.failsafe" : "cooling.normal",
                    newMode.equals("failsafe") ? "fans at failsafe " + Math.round(failsafeDuty) + " %" : "fans under " + newMode + " control",
                    newCause);
            if (newMode.equals("failsafe") && temperaturePid != null) temperaturePid.reset();
        }
        mode = newMode;
        cause = newCause;
    }

    /** The fast loop: each fan's duty, kicks and failure detection. */
    public void fanLoop() {
        Instant now = clock.instant();
        boolean anyFailed = false;
        for (Fan f : fans) {
            FanState s = fanStates.get(f.name());
            s.rpm = f.rpm(now);
            anyFailed |= s.failed;
        }
        for (Fan f : fans) {
            FanState s = fanStates.get(f.name());
            double duty = commanded(f, s);
            if (anyFailed && !s.failed) {
                duty = Math.max(duty, failsafe.fanFailure());
            }
            if (s.failed) {
                duty = 100; // keep trying: a fan freed of its obstruction comes back
            } else if (duty > 0 && s.rpm < KICK_BELOW_RPM && s.kickUntil == null) {
                s.kickUntil = now.plus(KICK); // a stopped fan needs a full push to start
            }
            if (s.kickUntil != null) {
                if (now.isBefore(s.kickUntil)) {
                    duty = 100;
                } else if (s.rpm >= KICK_BELOW_RPM) {
                    s.kickUntil = null;
                }
            }
            f.drive(duty);
            watchForFailure(f, s, now);
        }
    }

    private double commanded(Fan f, FanState s) {
        if (mode.equals("failsafe")) return failsafeDuty;
        if (curve != null) return curveDuty;
        double feedForward = rpmTarget / f.maxRpm() * 100;
        double correction = s.pid.update(rpmTarget - s.rpm, FAN_PERIOD.toNanos() / 1e9);
        return Math.max(MIN_RUNNING_DUTY, Math.min(100, feedForward + correction));
    }

    private void watchForFailure(Fan f, FanState s, Instant now) {
        boolean driven = f.duty() >= MIN_RUNNING_DUTY;
        if (driven && s.rpm < FAILED_BELOW_RPM) {
            if (s.lowSince == null) s.lowSince = now;
            if (!s.failed && Duration.between(s.lowSince, now).compareTo(KICK.plus(FAILURE_AFTER)) >= 0) {
                s.failed = true;
                events.event("fan.failed", "fan " + f.name() + " reads 0 RPM at " + Math.round(f.duty())
                        + " % duty; the other fans run at least at " + Math.round(failsafe.fanFailure()) + " %", "tachometer");
            }
        } else {
            s.lowSince = null;
            if (s.failed && s.rpm > RECOVERED_ABOVE_RPM) {
                s.failed = false;
                s.kickUntil = null;
                events.event("fan.recovered", "fan " + f.name() + " turns again at " + Math.round(s.rpm) + " RPM", "tachometer");
            }
        }
    }

    public RackTelemetry.Zone zone() {
        Double target = policy != null && policy.mode() == FanPolicyResource.Mode.pid ? policy.targetCelsius() : null;
        return new RackTelemetry.Zone(mode, cause, zoneCelsius, target);
    }

    public String mode() {
        return mode;
    }

    public double rpmTarget() {
        return rpmTarget;
    }

    public List<RackTelemetry.Fan> fans() {
        List<RackTelemetry.Fan> out = new ArrayList<>();
        for (Fan f : fans) {
            FanState s = fanStates.get(f.name());
            out.add(new RackTelemetry.Fan(f.name(), f.duty(), s.rpm, s.failed ? "failed" : s.rpm < 1 ? "stopped" : "ok"));
        }
        return out;
    }
}
