package io.racklet.rmc.power;

import io.racklet.protocol.message.PowerTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The rack's draw from the latest telemetry of every node that reported recently. */
public final class RackPowerMeter {
    private final Duration staleAfter;
    private final Map<String, PowerTelemetry> latest = new HashMap<>();

    public RackPowerMeter(Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    public synchronized void record(String node, PowerTelemetry sample) {
        PowerTelemetry prev = latest.get(node);
        if (prev == null || sample.ts().isAfter(prev.ts()) || sample.seq() < prev.seq()) {
            // newer sample, or the agent restarted and its sequence began again
            latest.put(node, sample);
        }
    }

    /**
     * @param watts     sum of the nodes' mean power over their last interval
     * @param peakWatts sum of their highest samples: what the budget must cover
     */
    public record Total(double watts, double peakWatts, int nodes) {}

    /** Counts only samples fresher than {@code staleAfter}. */
    public synchronized Total total(Instant now) {
        double watts = 0, peak = 0;
        int nodes = 0;
        for (PowerTelemetry s : latest.values()) {
            if (Duration.between(s.ts(), now).compareTo(staleAfter) <= 0) {
                watts += s.watts();
                peak += s.wattsMax();
                nodes++;
            }
        }
        return new Total(watts, peak, nodes);
    }
}
