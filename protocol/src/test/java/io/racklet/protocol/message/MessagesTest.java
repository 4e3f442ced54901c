package io.racklet.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessagesTest {
    private static final Instant TS = Instant.parse("2024-05-01T12:00:00.123Z");
    private static final String COMMAND =
            "{\"type\":\"power\",\"v\":1,\"id\":\"42\",\"issuedAt\":\"2024-05-01T12:00:00Z\",\"action\":\"off\",\"requestedBy\":\"api\"}";
    private static final String TELEMETRY = "{\"v\":1,\"seq\":7,\"ts\":\"2024-05-01T12:00:00Z\",\"volts\":5.02,\"amps\":0.61,"
            + "\"watts\":3.06,\"wattsMin\":2.9,\"wattsMax\":3.3,\"energyWh\":1.5,\"samples\":10,\"celsius\":41.5}";

    static Stream<Message> everyKind() {
        return Stream.of(
                PowerTelemetry.of(7, TS, 5.02, 0.61, 3.06, 2.9, 3.3, 12.25, 10, 41.5),
                PowerTelemetry.of(8, TS, 5.02, 0.61, 3.06, 2.9, 3.3, 12.25, 10, null),
                RackTelemetry.of(3, TS, 12.5, 3),
                new RackTelemetry(1, 4, TS, 12.5, 3, 25.0, 9.5, java.util.List.of("node-4"),
                        new RackTelemetry.Zone("pid", "fan policy 'quiet'", 33.2, 33.0),
                        java.util.List.of(new RackTelemetry.Fan("fan-1", 21.5, 900, "ok")),
                        java.util.List.of(new RackTelemetry.Sensor("hot-air", 32.9, "ok"))),
                RackState.of(TS, 25.0, "pid", "rack spec loaded"),
                PowerRequest.of("r1", TS, "node-3", 13, 5),
                PowerGrant.of("g1", TS, "r1", true, "fits the budget"),
                NodeState.of(TS, PowerState.ON, BootState.BOOTING, "ok", "none", "command 1 from api"),
                NodeEvent.of(9, TS, "power.on", "node powered on", "restore policy always-on"),
                ConsoleChunk.of(4, TS, "login: "),
                PowerCommand.of("42", TS, PowerAction.CYCLE, "api"),
                ConsoleInput.of("43", TS, "ls\n", "cli"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void encodeDecodeRoundTrip(Message m) {
        assertThat(Messages.decode(Messages.encode(m), m.getClass())).isEqualTo(m);
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void commandsDecodeAsCommandByTheirType(Message m) {
        if (m instanceof Command c) {
            assertThat(Messages.decode(Messages.encode(c), Command.class)).isEqualTo(c);
        }
    }

    @Test
    void commandsCarryTheirType() {
        assertThat(json(PowerCommand.of("1", TS, PowerAction.ON, null))).contains("\"type\":\"power\"");
        assertThat(json(ConsoleInput.of("1", TS, "x", null))).contains("\"type\":\"console\"");
        rejects(COMMAND.replace("\"power\"", "\"teleport\""), Command.class).hasMessageContaining("teleport");
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void encodesVersionAndIsoTimestamps(Message m) {
        String json = json(m);
        assertThat(json).contains("\"v\":1").contains("\"2024-05-01T12:00:00.123Z\"");
    }

    @ParameterizedTest
    @EnumSource(PowerAction.class)
    void powerActionsAreLowerCaseOnTheWire(PowerAction action) {
        String json = json(PowerCommand.of("1", TS, action, null));
        assertThat(json).contains("\"action\":\"" + action.name().toLowerCase() + "\"");
    }

    @Test
    void powerStateIsLowerCaseOnTheWire() {
        assertThat(json(NodeState.of(TS, PowerState.OFF, BootState.OFF, "ok", "none", null)))
                .contains("\"power\":\"off\"", "\"boot\":\"off\"");
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        String withExtras = COMMAND.replace("{", "{\"future\":{\"a\":[1,2]},\"priority\":3,");
        Command c = Messages.decode(bytes(withExtras), Command.class);
        assertThat(c).isEqualTo(new PowerCommand(1, "42", Instant.parse("2024-05-01T12:00:00Z"), PowerAction.OFF, "api"));
        assertThat(c.cause()).isEqualTo("command 42 from api");
    }

    @Test
    void rejectsNonJson() {
        rejects("power on please", Command.class).hasMessageStartingWith("Command").hasMessageContaining("power");
    }

    @Test
    void rejectsEmptyPayload() {
        rejects("", Command.class).hasMessageStartingWith("Command");
        rejects("null", Command.class).hasMessageContaining("empty payload");
    }

    @Test
    void rejectsOtherVersions() {
        rejects(COMMAND.replace("\"v\":1", "\"v\":2"), Command.class)
                .hasMessageContaining("unsupported message version 2 (expected 1)");
    }

    @Test
    void rejectsMissingTimestamp() {
        rejects(TELEMETRY.replace("\"ts\":\"2024-05-01T12:00:00Z\",", ""), PowerTelemetry.class)
                .hasMessageContaining("'ts'").hasMessageContaining("missing");
        rejects(COMMAND.replace("\"2024-05-01T12:00:00Z\"", "null"), Command.class)
                .hasMessageContaining("timestamp is required");
    }

    @Test
    void rejectsMissingRequiredField() {
        rejects(COMMAND.replace("\"id\":\"42\",", ""), Command.class)
                .hasMessageContaining("'id'").hasMessageContaining("missing");
        rejects(TELEMETRY.replace(",\"watts\":3.06", ""), PowerTelemetry.class)
                .hasMessageContaining("'watts'").hasMessageContaining("missing");
    }

    @Test
    void rejectsWrongTypes() {
        rejects(TELEMETRY.replace("\"seq\":7", "\"seq\":\"x\""), PowerTelemetry.class)
                .hasMessageContaining("field 'seq': 'x' is not a valid whole number");
        rejects(TELEMETRY.replace("5.02", "\"high\""), PowerTelemetry.class)
                .hasMessageContaining("field 'volts': 'high' is not a valid number");
        rejects(COMMAND.replace("\"2024-05-01T12:00:00Z\"", "\"yesterday\""), Command.class)
                .hasMessageContaining("field 'issuedAt'").hasMessageContaining("yesterday");
    }

    @Test
    void rejectsUnknownPowerActionListingTheKnownOnes() {
        rejects(COMMAND.replace("\"off\"", "\"reboot\""), Command.class)
                .hasMessageContaining("unknown power action 'reboot'; expected one of on, off, cycle");
        rejects(COMMAND.replace("\"off\"", "\"OFF\""), Command.class)
                .hasMessageContaining("unknown power action 'OFF'");
    }

    @Test
    void rejectsUnknownPowerState() {
        rejects("{\"v\":1,\"ts\":\"2024-05-01T12:00:00Z\",\"power\":\"sideways\",\"boot\":\"off\",\"sensor\":\"ok\","
                + "\"console\":\"none\",\"cause\":\"x\"}",
                NodeState.class).hasMessageContaining("field 'power'").hasMessageContaining("sideways");
    }

    @Test
    void rejectsBlankEventKind() {
        rejects("{\"v\":1,\"seq\":1,\"ts\":\"2024-05-01T12:00:00Z\",\"kind\":\" \",\"message\":\"m\",\"cause\":\"c\"}",
                NodeEvent.class).hasMessageContaining("kind is required");
    }

    /** Found by fuzzing (tests/.../fuzz): a null list entry was an unexplained NullPointerException. */
    @Test
    void rejectsNullListEntryByField() {
        String rack = "{\"v\":1,\"seq\":3,\"ts\":\"2024-05-01T12:00:00Z\",\"watts\":14.2,\"nodesReporting\":4,"
                + "\"budgetWatts\":null,\"headroomWatts\":null,\"queued\":[],\"zone\":null,\"fans\":[],\"sensors\":[]}";
        assertThat(Messages.decode(bytes(rack), RackTelemetry.class).queued()).isEmpty();
        for (String field : java.util.List.of("queued", "fans", "sensors")) {
            rejects(rack.replace("\"" + field + "\":[]", "\"" + field + "\":[null]"), RackTelemetry.class)
                    .hasMessageContaining(field + " must not hold null");
        }
    }

    @Test
    void payloadSizeLimitIsInclusiveAndCheckedBeforeParsing() {
        // valid JSON padded with whitespace: exactly at the limit it decodes, one byte over it does not
        String atLimit = COMMAND + " ".repeat(Messages.MAX_PAYLOAD_BYTES - COMMAND.length());
        assertThat(Messages.decode(bytes(atLimit), Command.class).id()).isEqualTo("42");

        rejects(atLimit + " ", Command.class)
                .hasMessage("Command: payload of " + (Messages.MAX_PAYLOAD_BYTES + 1) + " bytes exceeds "
                        + Messages.MAX_PAYLOAD_BYTES);
    }

    @Test
    void errorMessagesQuoteTheStartOfTheOffendingPayload() {
        String longGarbage = "x".repeat(500);
        rejects(longGarbage, Command.class).hasMessageContaining("'" + "x".repeat(120) + "...'");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String payload, Class<? extends Message> type) {
        return assertThatThrownBy(() -> Messages.decode(bytes(payload), type)).isInstanceOf(MalformedMessageException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String json(Message m) {
        return new String(Messages.encode(m), StandardCharsets.UTF_8);
    }
}
