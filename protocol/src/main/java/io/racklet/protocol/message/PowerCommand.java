package io.racklet.protocol.message;

import java.time.Instant;

/**
 * A request to a BMC, on {@code racklet/<rack>/<node>/commands}. Becomes the payload of a signed
 * envelope once commands are signed; the BMC names {@code id} and {@code requestedBy} as the cause
 * of what it does.
 */
public record PowerCommand(int v, String id, Instant issuedAt, PowerAction action, String requestedBy)
        implements Message {
    public PowerCommand {
        Messages.require(v, issuedAt);
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id is required");
        if (action == null) throw new IllegalArgumentException("action is required");
    }

    public static PowerCommand of(String id, Instant issuedAt, PowerAction action, String requestedBy) {
        return new PowerCommand(VERSION, id, issuedAt, action, requestedBy);
    }

    public String cause() {
        return "command " + id + (requestedBy == null ? "" : " from " + requestedBy);
    }
}
