package io.racklet.protocol.message;

import java.time.Instant;

/**
 * A piece of the node's serial console output, on {@code racklet/<rack>/<node>/console}.
 *
 * @param seq  per-agent sequence number of chunks
 * @param data console text (UTF-8; undecodable bytes replaced), at most {@value #MAX_DATA} characters
 */
public record ConsoleChunk(int v, long seq, Instant ts, String data) implements Message {
    public static final int MAX_DATA = 4096;

    public ConsoleChunk {
        Messages.require(v, ts);
        if (data == null) throw new IllegalArgumentException("data is required");
        if (data.length() > MAX_DATA) throw new IllegalArgumentException("data longer than " + MAX_DATA + " characters");
    }

    public static ConsoleChunk of(long seq, Instant ts, String data) {
        return new ConsoleChunk(VERSION, seq, ts, data);
    }
}
