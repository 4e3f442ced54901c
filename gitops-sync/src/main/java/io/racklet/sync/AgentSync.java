package io.racklet.sync;

import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.Command;
import io.racklet.protocol.message.MalformedMessageException;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.SyncNow;
import io.racklet.protocol.message.SyncStatus;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's {@link GitSync} on the rack's MQTT: the status is retained on
 * {@code racklet/<rack>/<agent>/sync}, a "sync now" on {@code racklet/<rack>/all/commands}
 * triggers a fetch, and every apply and refusal becomes one of the agent's events. The same for
 * BMCs, the RMC and the controller.
 */
public final class AgentSync implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentSync.class);

    /** The agent's event channel: (kind, message, cause). */
    @FunctionalInterface
    public interface Events {
        void event(String kind, String message, String cause);
    }

    private final GitSync sync;
    private final MqttConnection mqtt;
    private final String rack;
    private final String statusTopic;

    public AgentSync(SyncConfig config, String rack, String agent, Path stateDir, Scheduler scheduler, MqttConnection mqtt,
            SyncTarget target, Events events) throws IOException {
        this.mqtt = mqtt;
        this.rack = rack;
        this.statusTopic = Topics.topic(rack, agent, TopicKind.SYNC);
        this.sync = new GitSync(config, agent, stateDir, scheduler, new SyncTarget() {
            @Override
            public void apply(AppliedSpec spec) {
                if (!spec.restored()) {
                    events.event("sync.applied", "applied commit " + AppliedSpec.shortId(spec.commit()), spec.cause());
                }
                target.apply(spec);
            }

            @Override
            public void refused(String commit, String reason) {
                events.event("sync.refused", (commit == null ? "" : "refused commit " + AppliedSpec.shortId(commit) + ": ") + reason
                        + "; the last good state stays applied", "rack repository " + config.remote());
                target.refused(commit, reason);
            }
        }, this::publish);
    }

    /** Subscribes to triggers and starts syncing; call before the MQTT connection starts. */
    public void start() {
        mqtt.subscribe(Topics.topic(rack, Topics.ALL, TopicKind.COMMANDS), 1, (topic, payload) -> {
            try {
                if (Messages.decode(payload, Command.class) instanceof SyncNow) sync.syncNow();
            } catch (MalformedMessageException e) {
                log.warn("ignored malformed rack-wide command: {}", e.getMessage());
            }
        });
        mqtt.onConnected(() -> publish(sync.status()));
        sync.start();
    }

    public CompletableFuture<SyncStatus> syncNow() {
        return sync.syncNow();
    }

    public SyncStatus status() {
        return sync.status();
    }

    private void publish(SyncStatus s) {
        mqtt.publish(statusTopic, Messages.encode(s), 1, true);
    }

    @Override
    public void close() {
        sync.close();
    }
}
