package io.racklet.controller.events;

import java.time.Instant;

/** An event as the API serves it: a node's event with the node's name. */
public record RackEvent(String node, long seq, Instant ts, String kind, String message, String cause) {}
