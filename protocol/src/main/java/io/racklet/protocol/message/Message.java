package io.racklet.protocol.message;

/**
 * A versioned JSON message on the rack's MQTT topics. Every message carries {@code v}, the
 * schema version of its kind; receivers reject versions they do not know and ignore unknown
 * fields (fields are only ever added within a version).
 */
public sealed interface Message
        permits PowerTelemetry, RackTelemetry, NodeState, NodeEvent, ConsoleChunk, RackState, SyncStatus, Command {
    int VERSION = 1;

    int v();
}
