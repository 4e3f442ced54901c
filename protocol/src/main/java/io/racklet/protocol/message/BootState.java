package io.racklet.protocol.message;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far the node's boot has got, as the BMC sees it on the console. */
public enum BootState {
    /** Rail off. */
    OFF("off"),
    /** Powered, ready marker not seen yet. */
    BOOTING("booting"),
    /** The configured ready marker appeared on the console. */
    BOOTED("booted"),
    /** Powered, with no console to tell how far it got. */
    UNKNOWN("unknown");

    private final String text;

    BootState(String text) {
        this.text = text;
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }
}
