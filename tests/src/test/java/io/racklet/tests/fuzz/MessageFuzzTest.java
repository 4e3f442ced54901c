package io.racklet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.racklet.protocol.message.Command;
import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.protocol.message.MalformedMessageException;
import io.racklet.protocol.message.Message;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.NodeEvent;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.protocol.message.RackState;
import io.racklet.protocol.message.RackTelemetry;
import io.racklet.protocol.message.SyncStatus;
import java.util.List;

/**
 * MQTT payloads as agents and the controller decode them. Anyone on the broker can publish, so a
 * payload is outside input. A payload that decodes must encode again to the same message, since
 * the controller passes messages on.
 */
class MessageFuzzTest {
    /** Every kind published on telemetry, state, event, console and sync topics, by leading digit 0 to 6. */
    static final List<Class<? extends Message>> STATUS = List.of(PowerTelemetry.class, RackTelemetry.class,
            NodeState.class, NodeEvent.class, ConsoleChunk.class, RackState.class, SyncStatus.class);

    @FuzzTest(maxDuration = "10m")
    void statusPayload(byte[] data) {
        decodes(FuzzInput.body(data), FuzzInput.kind(data, STATUS));
    }

    /** Commands on {@code .../commands}: every subtype, told apart by {@code type}, as BMC, RMC and sync decode them. */
    @FuzzTest(maxDuration = "10m")
    void commandPayload(byte[] data) {
        decodes(data, Command.class);
    }

    private static void decodes(byte[] payload, Class<? extends Message> type) {
        Message m = Rejection.onlyWith(MalformedMessageException.class, () -> Messages.decode(payload, type));
        if (m != null) {
            assertThat(Messages.decode(Messages.encode(m), type)).isEqualTo(m);
        }
    }
}
