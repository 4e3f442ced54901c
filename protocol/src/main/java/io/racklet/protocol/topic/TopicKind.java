package io.racklet.protocol.topic;

import java.util.Optional;

/** The last segment of {@code racklet/<rack>/<node>/<kind>}: what a topic carries. */
public enum TopicKind {
    /** Periodic samples, QoS 0 today (QoS 1 with spooling later). */
    TELEMETRY("telemetry"),
    /** Retained current state of the node or agent. */
    STATE("state"),
    /** Things that happened, each with its cause. */
    EVENTS("events"),
    /** Serial console output in bounded chunks. */
    CONSOLE("console"),
    /** Commands to the agent (power actions, console input). */
    COMMANDS("commands"),
    /** Retained "online"/"offline"; "offline" is the agent's MQTT last will. */
    AVAILABILITY("availability"),
    /** Retained status of the agent's signed Git sync: applied commit, signer, last refusal. */
    SYNC("sync");

    private final String segment;

    TopicKind(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    public static Optional<TopicKind> fromSegment(String s) {
        for (TopicKind k : values()) {
            if (k.segment.equals(s)) return Optional.of(k);
        }
        return Optional.empty();
    }
}
