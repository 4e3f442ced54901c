package io.racklet.bmc.report;

import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerTelemetry;

/** Where the BMC's observations go: the rack's MQTT topics, or a recorder in tests. */
public interface NodeReporter {
    void telemetry(PowerTelemetry sample);

    void state(NodeState state);

    void event(String kind, String message, String cause);

    void console(ConsoleChunk chunk);
}
