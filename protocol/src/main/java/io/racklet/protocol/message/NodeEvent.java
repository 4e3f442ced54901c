package io.racklet.protocol.message;

import java.time.Instant;

/**
 * Something that happened on a node or agent, on {@code racklet/<rack>/<node>/events}.
 *
 * @param seq     per-agent sequence number
 * @param kind    dotted event kind, e.g. "power.on", "power.off", "sensor.failed"
 * @param message human-readable sentence
 * @param cause   what led to it (a command id, a policy, a commit)
 */
public record NodeEvent(int v, long seq, Instant ts, String kind, String message, String cause)
        implements Message {
    public NodeEvent {
        Messages.require(v, ts);
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("kind is required");
    }

    public static NodeEvent of(long seq, Instant ts, String kind, String message, String cause) {
        return new NodeEvent(VERSION, seq, ts, kind, message, cause);
    }
}
