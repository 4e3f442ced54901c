package io.racklet.controller.rack;

import io.racklet.protocol.message.PowerState;
import java.time.Instant;

/**
 * What the controller knows of one node, as served by {@code GET /api/v1/nodes}.
 *
 * @param updatedAt time of the latest telemetry sample, null before the first
 * @param online    whether the node's BMC agent is connected (its availability topic)
 */
public record NodeView(String name, Integer slot, PowerState power, double watts, double volts, double amps,
        Instant updatedAt, String sensor, boolean online, String cause) {}
