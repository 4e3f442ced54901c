package io.racklet.protocol.message;

import java.time.Instant;

/**
 * Rack-level figures from the RMC, on {@code racklet/<rack>/rmc/telemetry}.
 *
 * @param watts          sum of the latest power of every reporting node
 * @param nodesReporting how many nodes that sum covers
 */
public record RackTelemetry(int v, long seq, Instant ts, double watts, int nodesReporting) implements Message {
    public RackTelemetry {
        Messages.require(v, ts);
    }

    public static RackTelemetry of(long seq, Instant ts, double watts, int nodesReporting) {
        return new RackTelemetry(VERSION, seq, ts, watts, nodesReporting);
    }
}
