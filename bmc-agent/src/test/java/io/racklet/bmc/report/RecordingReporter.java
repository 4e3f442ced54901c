package io.racklet.bmc.report;

import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerTelemetry;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything the BMC reports, for assertions. */
public final class RecordingReporter implements NodeReporter {
    public record Event(String kind, String message, String cause) {}

    public final List<PowerTelemetry> telemetry = new ArrayList<>();
    public final List<NodeState> states = new ArrayList<>();
    public final List<Event> events = new ArrayList<>();
    public final List<ConsoleChunk> console = new ArrayList<>();

    @Override
    public void telemetry(PowerTelemetry sample) {
        telemetry.add(sample);
    }

    @Override
    public void state(NodeState state) {
        states.add(state);
    }

    @Override
    public void event(String kind, String message, String cause) {
        events.add(new Event(kind, message, cause));
    }

    @Override
    public void console(ConsoleChunk chunk) {
        console.add(chunk);
    }

    public List<String> eventKinds() {
        return events.stream().map(Event::kind).toList();
    }
}
