package io.racklet.protocol.message;

import java.time.Instant;
import java.util.List;

/**
 * Rack-level figures from the RMC, on {@code racklet/<rack>/rmc/telemetry}.
 *
 * @param watts          sum of the latest power of every reporting node (the rack's draw)
 * @param nodesReporting how many nodes that sum covers
 * @param budgetWatts    the rack's power budget from the spec, null if none
 * @param headroomWatts  budget minus draw minus power reserved for nodes being switched on; null without budget
 * @param queued         nodes waiting for budget to power on, in grant order
 * @param zone           the cooling zone: mode, cause, temperature, target
 * @param fans           every fan's duty and speed
 * @param sensors        every rack temperature sensor
 */
public record RackTelemetry(int v, long seq, Instant ts, double watts, int nodesReporting, Double budgetWatts,
        Double headroomWatts, List<String> queued, Zone zone, List<Fan> fans, List<Sensor> sensors) implements Message {
    public RackTelemetry {
        Messages.require(v, ts);
        queued = Messages.list("queued", queued);
        fans = Messages.list("fans", fans);
        sensors = Messages.list("sensors", sensors);
    }

    public static RackTelemetry of(long seq, Instant ts, double watts, int nodesReporting) {
        return new RackTelemetry(VERSION, seq, ts, watts, nodesReporting, null, null, List.of(), null, List.of(), List.of());
    }

    /**
     * @param mode          pid, curve or failsafe
     * @param cause         why failsafe (sensor stale, fan failure, no policy), or the policy in force
     * @param celsius       the controlled temperature (hottest fresh sensor), null if none
     * @param targetCelsius what the PID holds, null for a curve
     */
    public record Zone(String mode, String cause, Double celsius, Double targetCelsius) {}

    /** @param status ok, failed (0 RPM while driven) or stopped */
    public record Fan(String name, double duty, double rpm, String status) {}

    /** @param status ok, stale or failed */
    public record Sensor(String name, Double celsius, String status) {}
}
