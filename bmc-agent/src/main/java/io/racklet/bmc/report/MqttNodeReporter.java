package io.racklet.bmc.report;

import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.NodeEvent;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a node's telemetry, retained state and events on its documented topics. */
public final class MqttNodeReporter implements NodeReporter {
    private static final Logger log = LoggerFactory.getLogger(MqttNodeReporter.class);
    private final MqttConnection mqtt;
    private final InstantSource clock;
    private final String telemetryTopic;
    private final String stateTopic;
    private final String eventsTopic;
    private final String consoleTopic;
    private NodeState lastState;
    private long eventSeq;

    public MqttNodeReporter(MqttConnection mqtt, InstantSource clock, String rack, String node) {
        this.mqtt = mqtt;
        this.clock = clock;
        telemetryTopic = Topics.topic(rack, node, TopicKind.TELEMETRY);
        stateTopic = Topics.topic(rack, node, TopicKind.STATE);
        eventsTopic = Topics.topic(rack, node, TopicKind.EVENTS);
        consoleTopic = Topics.topic(rack, node, TopicKind.CONSOLE);
    }

    @Override
    public void telemetry(PowerTelemetry sample) {
        mqtt.publish(telemetryTopic, Messages.encode(sample), 0, false);
    }

    @Override
    public void state(NodeState state) {
        lastState = state;
        mqtt.publish(stateTopic, Messages.encode(state), 1, true);
    }

    /** Re-publishes the retained state, e.g. after a reconnect to a broker that lost it. */
    public void republishState() {
        if (lastState != null) {
            mqtt.publish(stateTopic, Messages.encode(lastState), 1, true);
        }
    }

    @Override
    public void event(String kind, String message, String cause) {
        log.info("event {}: {} (cause: {})", kind, message, cause);
        mqtt.publish(eventsTopic, Messages.encode(NodeEvent.of(++eventSeq, clock.instant(), kind, message, cause)), 1, false);
    }

    @Override
    public void console(ConsoleChunk chunk) {
        mqtt.publish(consoleTopic, Messages.encode(chunk), 1, false);
    }
}
