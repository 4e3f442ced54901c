package io.racklet.protocol.message;

import java.time.Instant;

/** Switch the node: {@code {"type":"power","v":1,"id":"..","issuedAt":"..","action":"off","requestedBy":"api"}}. */
public record PowerCommand(int v, String id, Instant issuedAt, PowerAction action, String requestedBy)
        implements Command {
    public PowerCommand {
        Messages.require(v, issuedAt);
        Messages.requireText("id", id);
        if (action == null) throw new IllegalArgumentException("action is required");
    }

    public static PowerCommand of(String id, Instant issuedAt, PowerAction action, String requestedBy) {
        return new PowerCommand(VERSION, id, issuedAt, action, requestedBy);
    }
}
