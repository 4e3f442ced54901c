package io.racklet.rmc.power;

import io.racklet.protocol.message.PowerRequest;
import io.racklet.rmc.control.ZoneEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rack's power budget: BMCs ask before switching a node on, and are granted in the order they
 * asked, only while the rack's draw plus what recent grants may still add plus the new node's
 * inrush fits. A request that can never fit is refused; one that cannot fit now waits. Every
 * decision is an event.
 */
public final class PowerBudget {
    /**
     * A granted node is counted at its inrush for {@link #INRUSH}, then at its boot power until its
     * own telemetry has shown it for a while.
     */
    public static final Duration INRUSH = Duration.ofSeconds(2), RESERVATION = Duration.ofSeconds(10);

    /** Answers to requests: (request, granted, reason). */
    public interface Answers {
        void answer(PowerRequest request, boolean granted, String reason);
    }

    private record Reservation(String node, double inrush, double boot, Instant grantedAt) {
        double watts(Instant now) {
            return now.isBefore(grantedAt.plus(INRUSH)) ? inrush : boot;
        }
    }

    private final InstantSource clock;
    private final Answers answers;
    private final ZoneEvents events;
    private final Map<String, PowerRequest> queue = new LinkedHashMap<>();
    private final List<Reservation> reservations = new ArrayList<>();
    private Double budget;
    private double peakDraw;

    public PowerBudget(InstantSource clock, Answers answers, ZoneEvents events) {
        this.clock = clock;
        this.answers = answers;
        this.events = events;
    }

    public void setBudget(Double watts) {
        budget = watts;
        process();
    }

    public Double budget() {
        return budget;
    }

    /** The rack's draw now: the sum of every node's highest recent sample. */
    public void draw(double peakWatts) {
        this.peakDraw = peakWatts;
    }

    public void request(PowerRequest r) {
        if (budget == null) {
            answers.answer(r, true, "no power budget set");
            return;
        }
        if (r.inrushWatts() > budget) {
            String why = String.format("node %s needs %.1f W at power-on, more than the rack's whole budget of %.1f W",
                    r.node(), r.inrushWatts(), budget);
            events.event("budget.refused", why, "power request " + r.id());
            answers.answer(r, false, why);
            return;
        }
        Instant now = clock.instant();
        if (reservations.stream().anyMatch(res -> res.node().equals(r.node()) && now.isBefore(res.grantedAt().plus(RESERVATION)))) {
            // asked again before our grant reached it: the room is already reserved, answer again
            queue.remove(r.node());
            answers.answer(r, true, "already reserved");
            return;
        }
        // a newer request from the same node replaces its older one but keeps its place in line
        queue.put(r.node(), r);
        process();
    }

    /** Grants what fits, oldest request first; runs at every request and every second. */
    public void process() {
        Instant now = clock.instant();
        reservations.removeIf(res -> !now.isBefore(res.grantedAt().plus(RESERVATION)));
        for (Iterator<PowerRequest> it = queue.values().iterator(); it.hasNext(); ) {
            PowerRequest r = it.next();
            double need = Math.max(r.inrushWatts(), r.bootWatts());
            if (budget != null && committed(now) + need > budget) {
                if (!r.node().equals(lastWaiting)) {
                    lastWaiting = r.node(); // said once per node in front of the queue, not at each re-ask
                    events.event("budget.queued", String.format("node %s waits: %.1f W in use or reserved, %.1f W needed, budget %.1f W",
                            r.node(), committed(now), need, budget), "power request " + r.id());
                }
                return; // strictly in order: a later small request does not overtake
            }
            it.remove();
            lastWaiting = null;
            reservations.add(new Reservation(r.node(), r.inrushWatts(), r.bootWatts(), now));
            events.event("budget.granted", String.format("node %s may power on: %.1f W reserved, headroom left %.1f W",
                    r.node(), need, budget == null ? Double.NaN : budget - committed(now)), "power request " + r.id());
            answers.answer(r, true, "fits the budget");
        }
    }

    private String lastWaiting;

    private double committed(Instant now) {
        return peakDraw + reservations.stream().mapToDouble(r -> r.watts(now)).sum();
    }

    /** Budget minus draw minus reservations; null without a budget. */
    public Double headroom() {
        return budget == null ? null : budget - committed(clock.instant());
    }

    public List<String> queued() {
        return List.copyOf(queue.keySet());
    }
}
