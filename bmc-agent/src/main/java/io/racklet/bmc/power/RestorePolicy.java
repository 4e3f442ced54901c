package io.racklet.bmc.power;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the BMC does with a node whose rail is off when the agent starts. */
public enum RestorePolicy {
    /** Leave it off. */
    @JsonProperty("always-off") ALWAYS_OFF,
    /** Switch it on. */
    @JsonProperty("always-on") ALWAYS_ON,
    /** Return it to the last state the BMC wanted (persisted), off if none. */
    @JsonProperty("last-state") LAST_STATE;

    @Override
    public String toString() {
        return name().toLowerCase().replace('_', '-');
    }
}
