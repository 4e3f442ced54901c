package io.racklet.controller.ingest;

import io.racklet.controller.console.ConsoleBuffer;
import io.racklet.controller.events.EventLog;
import io.racklet.controller.events.RackEvent;
import io.racklet.controller.history.HistoryStore;
import io.racklet.controller.rack.RackView;
import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.protocol.message.NodeEvent;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.MalformedMessageException;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.protocol.message.RackTelemetry;
import io.racklet.protocol.message.SyncStatus;
import io.racklet.protocol.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link RackView} from the rack's topics. A malformed payload is logged, counted and
 * dropped; nothing a publisher sends can stop the ingest.
 */
public final class RackIngest {
    private static final Logger log = LoggerFactory.getLogger(RackIngest.class);
    private final RackView view;
    private final EventLog events;
    private final ConsoleBuffer console;
    private final HistoryStore history;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    public RackIngest(RackView view, EventLog events, ConsoleBuffer console, HistoryStore history) {
        this.view = view;
        this.events = events;
        this.console = console;
        this.history = history;
    }

    public void subscribe(MqttConnection mqtt) {
        mqtt.subscribe(Topics.everything(view.rack()), 1, this::accept);
    }

    public long receivedCount() {
        return received.get();
    }

    public long malformedCount() {
        return malformed.get();
    }

    void accept(String topic, byte[] payload) {
        received.incrementAndGet();
        var address = Topics.parse(topic).orElse(null);
        if (address == null) {
            return; // not ours to read (e.g. another tool's topic under the rack)
        }
        String node = address.node();
        try {
            switch (address.kind()) {
                case TELEMETRY -> {
                    if (node.equals(Topics.RMC)) {
                        view.rackTelemetry(Messages.decode(payload, RackTelemetry.class));
                    } else if (isNode(node)) {
                        PowerTelemetry t = Messages.decode(payload, PowerTelemetry.class);
                        view.telemetry(node, t);
                        history.sample(node, t);
                    }
                }
                case STATE -> {
                    if (isNode(node)) view.state(node, Messages.decode(payload, NodeState.class));
                }
                case AVAILABILITY -> {
                    if (isNode(node)) view.availability(node, "online".equals(new String(payload, StandardCharsets.UTF_8)));
                }
                case EVENTS -> {
                    NodeEvent e = Messages.decode(payload, NodeEvent.class);
                    RackEvent event = new RackEvent(node, e.seq(), e.ts(), e.kind(), e.message(), e.cause());
                    events.add(event);
                    history.event(event);
                }
                case SYNC -> view.sync(node, Messages.decode(payload, SyncStatus.class));
                case CONSOLE -> {
                    if (isNode(node)) console.append(node, Messages.decode(payload, ConsoleChunk.class).data());
                }
                default -> { /* commands are the controller's own */ }
            }
        } catch (MalformedMessageException e) {
            long n = malformed.incrementAndGet();
            log.warn("dropped malformed message on {} ({} so far): {}", topic, n, e.getMessage());
        }
    }

    private static boolean isNode(String name) {
        return !Topics.isReserved(name);
    }
}
