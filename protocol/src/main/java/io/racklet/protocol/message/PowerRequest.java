package io.racklet.protocol.message;

import java.time.Instant;

/**
 * A BMC asking the RMC, on {@code racklet/<rack>/rmc/commands}, for room in the rack's power
 * budget before it switches its node on.
 *
 * @param node        who asks
 * @param inrushWatts the node's modelled peak while its input capacitors charge
 * @param bootWatts   what the node draws while it boots
 */
public record PowerRequest(int v, String id, Instant issuedAt, String node, double inrushWatts, double bootWatts,
        String requestedBy) implements Command {
    public PowerRequest {
        Messages.require(v, issuedAt);
        Messages.requireText("id", id);
        Messages.requireText("node", node);
        if (inrushWatts < 0 || bootWatts < 0) throw new IllegalArgumentException("watts must not be negative");
    }

    public static PowerRequest of(String id, Instant issuedAt, String node, double inrushWatts, double bootWatts) {
        return new PowerRequest(VERSION, id, issuedAt, node, inrushWatts, bootWatts, "bmc " + node);
    }
}
