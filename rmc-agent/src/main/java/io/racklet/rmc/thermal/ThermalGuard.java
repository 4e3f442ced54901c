package io.racklet.rmc.thermal;

import io.racklet.protocol.message.PowerAction;
import io.racklet.protocol.resource.FanPolicyResource;
import io.racklet.rmc.control.ZoneEvents;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Protects nodes from heat, using the temperatures their BMCs report: at "warn" an event; at
 * "critical" the node is asked to shut down gracefully; at "shutdown" its power is cut. Each step
 * happens once per excursion; a node must cool 2 C below a threshold to re-arm it.
 */
public final class ThermalGuard {
    static final double REARM_BELOW = 2;

    private enum Level { NORMAL, WARN, CRITICAL, SHUTDOWN }

    private final ZoneEvents events;
    private final BiConsumer<String, PowerAction> command;
    private final Map<String, Level> levels = new HashMap<>();
    private FanPolicyResource.Thermal thresholds;

    /** @param command sends (node, action) to the node's BMC */
    public ThermalGuard(ZoneEvents events, BiConsumer<String, PowerAction> command) {
        this.events = events;
        this.command = command;
    }

    public void setThresholds(FanPolicyResource.Thermal t) {
        thresholds = t;
    }

    public void nodeTemperature(String node, double celsius) {
        if (thresholds == null) return;
        Level now = levels.getOrDefault(node, Level.NORMAL);
        Level reached = celsius >= thresholds.shutdownCelsius() ? Level.SHUTDOWN
                : celsius >= thresholds.criticalCelsius() ? Level.CRITICAL
                : celsius >= thresholds.warnCelsius() ? Level.WARN : Level.NORMAL;
        if (reached.compareTo(now) > 0) {
            levels.put(node, reached);
            String cause = String.format("node %s at %.1f C", node, celsius);
            switch (reached) {
                case WARN -> events.event("thermal.warn", String.format("node %s above %.0f C", node, thresholds.warnCelsius()), cause);
                case CRITICAL -> {
                    events.event("thermal.critical", String.format("node %s above %.0f C: asking it to shut down",
                            node, thresholds.criticalCelsius()), cause);
                    command.accept(node, PowerAction.SHUTDOWN);
                }
                case SHUTDOWN -> {
                    events.event("thermal.shutdown", String.format("node %s above %.0f C: cutting its power",
                            node, thresholds.shutdownCelsius()), cause);
                    command.accept(node, PowerAction.OFF);
                }
                default -> { }
            }
        } else if (now != Level.NORMAL && celsius < threshold(now) - REARM_BELOW) {
            levels.put(node, Level.NORMAL);
            events.event("thermal.normal", String.format("node %s back to %.1f C", node, celsius), "cooled down");
        }
    }

    private double threshold(Level l) {
        return switch (l) {
            case WARN -> thresholds.warnCelsius();
            case CRITICAL -> thresholds.criticalCelsius();
            case SHUTDOWN -> thresholds.shutdownCelsius();
            default -> Double.MAX_VALUE;
        };
    }
}
