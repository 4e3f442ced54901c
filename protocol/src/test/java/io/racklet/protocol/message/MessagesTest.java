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
            "{\"v\":1,\"id\":\"42\",\"issuedAt\":\"2024-05-01T12:00:00Z\",\"action\":\"off\",\"requestedBy\":\"api\"}";
    private static final String TELEMETRY =
            "{\"v\":1,\"seq\":7,\"ts\":\"2024-05-01T12:00:00Z\",\"volts\":5.02,\"amps\":0.61,\"watts\":3.06}";

    static Stream<Message> everyKind() {
        return Stream.of(
                PowerTelemetry.of(7, TS, 5.02, 0.61, 3.06),
                RackTelemetry.of(3, TS, 12.5, 3),
                NodeState.of(TS, PowerState.ON, "ok", "command 1 from api"),
                NodeEvent.of(9, TS, "power.on", "node powered on", "restore policy always-on"),
                PowerCommand.of("42", TS, PowerAction.CYCLE, "api"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void encodeDecodeRoundTrip(Message m) {
        assertThat(Messages.decode(Messages.encode(m), m.getClass())).isEqualTo(m);
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
        assertThat(json(NodeState.of(TS, PowerState.OFF, "ok", null))).contains("\"power\":\"off\"");
    }

    @Test
    void unknownExtraFieldsAreIgnored() {
        String withExtras = COMMAND.replace("{", "{\"future\":{\"a\":[1,2]},\"priority\":3,");
        PowerCommand c = Messages.decode(bytes(withExtras), PowerCommand.class);
        assertThat(c).isEqualTo(new PowerCommand(1, "42", Instant.parse("2024-05-01T12:00:00Z"), PowerAction.OFF, "api"));
        assertThat(c.cause()).isEqualTo("command 42 from api");
    }

    @Test
    void rejectsNonJson() {
        rejects("power on please", PowerCommand.class).hasMessageStartingWith("PowerCommand").hasMessageContaining("power");
    }

    @Test
    void rejectsEmptyPayload() {
        rejects("", PowerCommand.class).hasMessageStartingWith("PowerCommand");
        rejects("null", PowerCommand.class).hasMessageContaining("empty payload");
    }

    @Test
    void rejectsOtherVersions() {
        rejects(COMMAND.replace("\"v\":1", "\"v\":2"), PowerCommand.class)
                .hasMessageContaining("unsupported message version 2 (expected 1)");
    }

    @Test
    void rejectsMissingTimestamp() {
        rejects(TELEMETRY.replace("\"ts\":\"2024-05-01T12:00:00Z\",", ""), PowerTelemetry.class)
                .hasMessageContaining("'ts'").hasMessageContaining("missing");
        rejects(COMMAND.replace("\"2024-05-01T12:00:00Z\"", "null"), PowerCommand.class)
                .hasMessageContaining("timestamp is required");
    }

    @Test
    void rejectsMissingRequiredField() {
        rejects(COMMAND.replace("\"id\":\"42\",", ""), PowerCommand.class)
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
        rejects(COMMAND.replace("\"2024-05-01T12:00:00Z\"", "\"yesterday\""), PowerCommand.class)
                .hasMessageContaining("field 'issuedAt'").hasMessageContaining("yesterday");
    }

    @Test
    void rejectsUnknownPowerActionListingTheKnownOnes() {
        rejects(COMMAND.replace("\"off\"", "\"reboot\""), PowerCommand.class)
                .hasMessageContaining("unknown power action 'reboot'; expected one of on, off, cycle");
        rejects(COMMAND.replace("\"off\"", "\"OFF\""), PowerCommand.class)
                .hasMessageContaining("unknown power action 'OFF'");
    }

    @Test
    void rejectsUnknownPowerState() {
        rejects("{\"v\":1,\"ts\":\"2024-05-01T12:00:00Z\",\"power\":\"sideways\",\"sensor\":\"ok\",\"cause\":\"x\"}",
                NodeState.class).hasMessageContaining("field 'power'").hasMessageContaining("sideways");
    }

    @Test
    void rejectsBlankEventKind() {
        rejects("{\"v\":1,\"seq\":1,\"ts\":\"2024-05-01T12:00:00Z\",\"kind\":\" \",\"message\":\"m\",\"cause\":\"c\"}",
                NodeEvent.class).hasMessageContaining("kind is required");
    }

    @Test
    void payloadSizeLimitIsInclusiveAndCheckedBeforeParsing() {
        // valid JSON padded with whitespace: exactly at the limit it decodes, one byte over it does not
        String atLimit = COMMAND + " ".repeat(Messages.MAX_PAYLOAD_BYTES - COMMAND.length());
        assertThat(Messages.decode(bytes(atLimit), PowerCommand.class).id()).isEqualTo("42");

        rejects(atLimit + " ", PowerCommand.class)
                .hasMessage("PowerCommand: payload of " + (Messages.MAX_PAYLOAD_BYTES + 1) + " bytes exceeds "
                        + Messages.MAX_PAYLOAD_BYTES);
    }

    @Test
    void errorMessagesQuoteTheStartOfTheOffendingPayload() {
        String longGarbage = "x".repeat(500);
        rejects(longGarbage, PowerCommand.class).hasMessageContaining("'" + "x".repeat(120) + "...'");
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
