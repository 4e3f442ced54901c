package io.racklet.protocol.message;

import java.time.Instant;

/** Text typed into the node's serial console: {@code {"type":"console",...,"data":"ls\n"}}. */
public record ConsoleInput(int v, String id, Instant issuedAt, String data, String requestedBy) implements Command {
    /** One keystroke burst or pasted line; larger input is split by the sender. */
    public static final int MAX_DATA = 4096;

    public ConsoleInput {
        Messages.require(v, issuedAt);
        Messages.requireText("id", id);
        if (data == null || data.isEmpty()) throw new IllegalArgumentException("data is required");
        if (data.length() > MAX_DATA) throw new IllegalArgumentException("data longer than " + MAX_DATA + " characters");
    }

    public static ConsoleInput of(String id, Instant issuedAt, String data, String requestedBy) {
        return new ConsoleInput(VERSION, id, issuedAt, data, requestedBy);
    }
}
