package io.racklet.protocol.message;

import java.time.Instant;

/**
 * The RMC's answer to a {@link PowerRequest}, on the node's commands topic.
 *
 * @param requestId the request answered
 * @param granted   true: switch on now; false: refused for good (the node can never fit)
 * @param reason    why, in words
 */
public record PowerGrant(int v, String id, Instant issuedAt, String requestId, boolean granted, String reason,
        String requestedBy) implements Command {
    public PowerGrant {
        Messages.require(v, issuedAt);
        Messages.requireText("id", id);
        Messages.requireText("requestId", requestId);
    }

    public static PowerGrant of(String id, Instant issuedAt, String requestId, boolean granted, String reason) {
        return new PowerGrant(VERSION, id, issuedAt, requestId, granted, reason, "rmc");
    }
}
