package io.racklet.protocol.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a power command asks the BMC to do: on, off, cycle (off, wait, on), reset or a graceful shutdown. */
public enum PowerAction {
    ON, OFF, CYCLE,
    /** Pulse the node's reset line (needs one wired and configured). */
    RESET,
    /** Ask the node's OS to shut down (shutdown line), then cut power once it halted or after a timeout. */
    SHUTDOWN;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static PowerAction parse(String text) {
        for (PowerAction a : values()) {
            if (a.toString().equals(text)) return a;
        }
        throw new IllegalArgumentException("unknown power action '" + text + "'; expected one of "
                + Arrays.stream(values()).map(PowerAction::toString).collect(Collectors.joining(", ")));
    }
}
