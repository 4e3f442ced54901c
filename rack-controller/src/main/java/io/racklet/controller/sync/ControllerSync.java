package io.racklet.controller.sync;

import io.racklet.controller.ControllerConfig;
import io.racklet.controller.auth.Accounts;
import io.racklet.controller.rack.RackView;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.NodeEvent;
import io.racklet.protocol.message.SyncNow;
import io.racklet.protocol.message.SyncStatus;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.sync.AgentSync;
import io.racklet.sync.AppliedSpec;
import io.racklet.sync.SyncTarget;
import io.racklet.time.SystemScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The controller verifies the signed rack repository like every agent, so what it shows is what a
 * trusted admin signed: its node list and its users follow the applied spec. It also relays "sync now" to all
 * agents. Its events go out on {@code racklet/<rack>/controller/events} like any agent's.
 */
public final class ControllerSync implements AutoCloseable {
    private final MqttConnection mqtt;
    private final String rack;
    private final SystemScheduler scheduler;
    private final AgentSync sync;
    private final AtomicLong eventSeq = new AtomicLong();
    private volatile AppliedSpec applied;

    public ControllerSync(ControllerConfig config, RackView view, Accounts accounts, MqttConnection mqtt) {
        this.mqtt = mqtt;
        this.rack = config.rack();
        if (config.sync() == null) {
            this.scheduler = null;
            this.sync = null;
            return;
        }
        this.scheduler = new SystemScheduler("controller-sync");
        try {
            this.sync = new AgentSync(config.sync(), rack, Topics.CONTROLLER, config.stateDir(), scheduler, mqtt, new SyncTarget() {
                @Override
                public void apply(AppliedSpec spec) {
                    applied = spec;
                    spec.declaration().nodes().forEach(n -> view.declare(n.name(), n.spec().slot()));
                    accounts.update(spec.declaration().users());
                }

                @Override
                public void refused(String commit, String reason) {
                    // shown through the status; the last good spec stays displayed
                }
            }, this::event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the rack repository copy in " + config.stateDir(), e);
        }
    }

    public void start() {
        if (sync != null) sync.start();
    }

    public boolean enabled() {
        return sync != null;
    }

    public Optional<SyncStatus> status() {
        return sync == null ? Optional.empty() : Optional.of(sync.status());
    }

    public Optional<AppliedSpec> applied() {
        return Optional.ofNullable(applied);
    }

    /** Tells every agent to fetch now, and fetches itself; completes with its own status after. */
    public CompletableFuture<SyncStatus> syncNow(String requestedBy) {
        mqtt.publish(Topics.topic(rack, Topics.ALL, TopicKind.COMMANDS),
                Messages.encode(SyncNow.of(UUID.randomUUID().toString(), Instant.now(), requestedBy)), 1, false);
        return sync.syncNow();
    }

    private void event(String kind, String message, String cause) {
        mqtt.publish(Topics.topic(rack, Topics.CONTROLLER, TopicKind.EVENTS),
                Messages.encode(NodeEvent.of(eventSeq.incrementAndGet(), Instant.now(), kind, message, cause)), 1, false);
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.close();
            scheduler.close();
        }
    }
}
