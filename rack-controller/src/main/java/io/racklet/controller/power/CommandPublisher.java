package io.racklet.controller.power;

import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.Command;
import io.racklet.protocol.message.ConsoleInput;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.PowerAction;
import io.racklet.protocol.message.PowerCommand;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/** Sends commands (power, console input) to BMCs on their command topics (signed envelopes: later issue). */
public final class CommandPublisher {
    private final MqttConnection mqtt;
    private final InstantSource clock;
    private final String rack;

    public CommandPublisher(MqttConnection mqtt, InstantSource clock, String rack) {
        this.mqtt = mqtt;
        this.clock = clock;
        this.rack = rack;
    }

    /** Publishes the command; empty if the broker is unreachable right now. */
    public Optional<PowerCommand> power(String node, PowerAction action, String requestedBy) {
        return send(node, PowerCommand.of(UUID.randomUUID().toString(), clock.instant(), action, requestedBy));
    }

    public Optional<ConsoleInput> consoleInput(String node, String data, String requestedBy) {
        return send(node, ConsoleInput.of(UUID.randomUUID().toString(), clock.instant(), data, requestedBy));
    }

    private <C extends Command> Optional<C> send(String node, C cmd) {
        boolean sent = mqtt.publish(Topics.topic(rack, node, TopicKind.COMMANDS), Messages.encode(cmd), 1, false);
        return sent ? Optional.of(cmd) : Optional.empty();
    }
}
