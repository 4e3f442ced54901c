package io.racklet.protocol.message;

import java.time.Instant;

/**
 * A node's electrical sample, on {@code racklet/<rack>/<node>/telemetry}.
 *
 * @param seq   per-agent sequence number, increasing by one per sample (receivers de-duplicate on it)
 * @param ts    when the sample was taken
 * @param volts bus voltage of the node's 5 V rail
 * @param amps  current into the node
 * @param watts power into the node
 */
public record PowerTelemetry(int v, long seq, Instant ts, double volts, double amps, double watts)
        implements Message {
    public PowerTelemetry {
        Messages.require(v, ts);
    }

    public static PowerTelemetry of(long seq, Instant ts, double volts, double amps, double watts) {
        return new PowerTelemetry(VERSION, seq, ts, volts, amps, watts);
    }
}
