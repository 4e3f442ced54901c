package io.racklet.rmc;

import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.MalformedMessageException;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.protocol.message.RackTelemetry;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.rmc.power.RackPowerMeter;
import io.racklet.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rack's RMC: today rack-level power telemetry; fans, thermal and power budget grow here. */
public final class RmcAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RmcAgent.class);
    private final RmcConfig config;
    private final Scheduler scheduler;
    private final MqttConnection mqtt;
    private final RackPowerMeter meter;
    private final AtomicLong malformed = new AtomicLong();
    private long seq;

    public RmcAgent(RmcConfig config, Scheduler scheduler, MqttConnection mqtt) {
        this.config = config;
        this.scheduler = scheduler;
        this.mqtt = mqtt;
        this.meter = new RackPowerMeter(config.staleAfter());
    }

    public void start() {
        mqtt.subscribe(Topics.allNodes(config.rack(), TopicKind.TELEMETRY), 0, this::onTelemetry);
        scheduler.every(config.telemetryInterval(), config.telemetryInterval(), this::publish);
        mqtt.start();
        log.info("RMC agent for rack {} started", config.rack());
    }

    public long malformedCount() {
        return malformed.get();
    }

    private void onTelemetry(String topic, byte[] payload) {
        var address = Topics.parse(topic).orElse(null);
        if (address == null || address.node().equals(Topics.RMC)) {
            return; // our own rack telemetry, or not a node
        }
        try {
            meter.record(address.node(), Messages.decode(payload, PowerTelemetry.class));
        } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            log.warn("dropped malformed telemetry from {} ({} so far): {}", address.node(), malformed.get(), e.getMessage());
        }
    }

    private void publish() {
        RackPowerMeter.Total total = meter.total(scheduler.instant());
        mqtt.publish(Topics.topic(config.rack(), Topics.RMC, TopicKind.TELEMETRY),
                Messages.encode(RackTelemetry.of(++seq, scheduler.instant(), total.watts(), total.nodes())), 0, false);
    }

    @Override
    public void close() {
        mqtt.close();
    }
}
