package io.racklet.protocol.message;

import java.time.Instant;

/**
 * Asks agents to fetch the rack repository now, on {@code racklet/<rack>/all/commands}. Harmless
 * by design: whatever it triggers is verified as if the interval had elapsed.
 */
public record SyncNow(int v, String id, Instant issuedAt, String requestedBy) implements Command {
    public SyncNow {
        Messages.require(v, issuedAt);
        Messages.requireText("id", id);
    }

    public static SyncNow of(String id, Instant issuedAt, String requestedBy) {
        return new SyncNow(VERSION, id, issuedAt, requestedBy);
    }
}
