package io.racklet.protocol.message;

import java.time.Instant;

/**
 * A node's current state, retained on {@code racklet/<rack>/<node>/state}; published on every change.
 *
 * @param power   observed power state of the node
 * @param boot    off, booting or booted (ready marker seen on the console)
 * @param sensor  health of the power monitor: "ok" or "failed"
 * @param console health of the serial console: "ok", "lost" or "none" (not configured)
 * @param cause   why the state last changed (e.g. "command 42 from api")
 */
public record NodeState(int v, Instant ts, PowerState power, BootState boot, String sensor, String console, String cause)
        implements Message {
    public NodeState {
        Messages.require(v, ts);
        if (power == null) throw new IllegalArgumentException("power is required");
        if (boot == null) throw new IllegalArgumentException("boot is required");
    }

    public static NodeState of(Instant ts, PowerState power, BootState boot, String sensor, String console, String cause) {
        return new NodeState(VERSION, ts, power, boot, sensor, console, cause);
    }
}
