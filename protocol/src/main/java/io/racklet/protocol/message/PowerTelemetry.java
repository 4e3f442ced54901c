package io.racklet.protocol.message;

import java.time.Instant;

/**
 * A node's electrical figures over one publish interval, on {@code racklet/<rack>/<node>/telemetry}.
 *
 * @param seq      per-agent sequence number, increasing by one per message (receivers de-duplicate on it)
 * @param ts       end of the interval
 * @param volts    mean bus voltage of the node's 5 V rail
 * @param amps     mean current into the node
 * @param watts    mean power into the node
 * @param wattsMin lowest sampled power in the interval
 * @param wattsMax highest sampled power in the interval
 * @param energyWh the node's energy counter: monotonic, kept across agent restarts
 * @param samples  how many samples the interval holds
 * @param celsius  the node's temperature from the BMC's sensor beside it, null without one
 */
public record PowerTelemetry(int v, long seq, Instant ts, double volts, double amps, double watts,
        double wattsMin, double wattsMax, double energyWh, int samples, Double celsius) implements Message {
    public PowerTelemetry {
        Messages.require(v, ts);
    }

    /** A single-sample interval. */
    public static PowerTelemetry of(long seq, Instant ts, double volts, double amps, double watts) {
        return new PowerTelemetry(VERSION, seq, ts, volts, amps, watts, watts, watts, 0, 1, null);
    }

    public static PowerTelemetry of(long seq, Instant ts, double volts, double amps, double watts,
            double wattsMin, double wattsMax, double energyWh, int samples, Double celsius) {
        return new PowerTelemetry(VERSION, seq, ts, volts, amps, watts, wattsMin, wattsMax, energyWh, samples, celsius);
    }
}
