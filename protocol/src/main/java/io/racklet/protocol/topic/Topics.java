package io.racklet.protocol.topic;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MQTT topic scheme, documented in docs/mqtt.md: {@code racklet/<rack>/<node>/<kind>}.
 * Agents other than BMCs use reserved names in the node position: {@value #RMC} for the rack's
 * RMC and {@value #CONTROLLER} for the rack controller; {@value #ALL} addresses every agent of
 * the rack (e.g. "sync now" on {@code racklet/<rack>/all/commands}).
 */
public final class Topics {
    public static final String ROOT = "racklet";
    public static final String RMC = "rmc";
    public static final String CONTROLLER = "controller";
    public static final String ALL = "all";
    /** Names of racks and nodes: DNS labels, so they are safe in topics, URLs and file names. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private Topics() {}

    public static String topic(String rack, String node, TopicKind kind) {
        return ROOT + "/" + requireName(rack) + "/" + requireName(node) + "/" + kind.segment();
    }

    /** Filter for one kind from every node of a rack, e.g. {@code racklet/demo/+/telemetry}. */
    public static String allNodes(String rack, TopicKind kind) {
        return ROOT + "/" + requireName(rack) + "/+/" + kind.segment();
    }

    /** Filter for everything of a rack. */
    public static String everything(String rack) {
        return ROOT + "/" + requireName(rack) + "/#";
    }

    /** Names that stand for agents or the whole rack, so no node may take them. */
    public static boolean isReserved(String name) {
        return RMC.equals(name) || CONTROLLER.equals(name) || ALL.equals(name);
    }

    public static boolean isName(String s) {
        return s != null && NAME.matcher(s).matches();
    }

    public static String requireName(String s) {
        if (s == null) {
            throw new IllegalArgumentException("a name is required");
        }
        if (!isName(s)) {
            throw new IllegalArgumentException("'" + s + "' is not a valid name "
                    + "(lower-case letters, digits and '-', at most 63, starting and ending alphanumeric)");
        }
        return s;
    }

    /** For configuration records: names the field when the value is missing or invalid. */
    public static String requireName(String field, String value) {
        try {
            return requireName(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field + "': " + (value == null ? "missing (required)" : e.getMessage()));
        }
    }

    /** Splits a received topic into its parts; empty for anything outside the scheme. */
    public static Optional<Address> parse(String topic) {
        String[] p = topic.split("/", -1);
        if (p.length != 4 || !ROOT.equals(p[0]) || !isName(p[1]) || !isName(p[2])) {
            return Optional.empty();
        }
        return TopicKind.fromSegment(p[3]).map(k -> new Address(p[1], p[2], k));
    }

    /** Where a message came from or goes to. */
    public record Address(String rack, String node, TopicKind kind) {}
}
