package io.racklet.protocol.message;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a node's power rail is switched on, as the BMC observes it on the enable line. */
public enum PowerState {
    ON("on"),
    OFF("off"),
    /** Not (yet) known, e.g. no report from the node's BMC. */
    UNKNOWN("unknown");

    private final String text;

    PowerState(String text) {
        this.text = text;
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }
}
