package io.racklet.bmc;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import io.racklet.bmc.energy.Ina219;
import io.racklet.bmc.energy.TelemetrySampler;
import io.racklet.bmc.power.DesiredPowerStore;
import io.racklet.bmc.power.GpioPowerSwitch;
import io.racklet.bmc.power.PowerController;
import io.racklet.bmc.report.MqttNodeReporter;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.MalformedMessageException;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerCommand;
import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's BMC: wires the node's hardware (through Pi4J only) to its reconcile loops and to
 * MQTT. All loop work runs on the injected scheduler's thread.
 */
public final class BmcAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BmcAgent.class);
    static final Duration RECONCILE_PERIOD = Duration.ofSeconds(1);

    private final BmcConfig config;
    private final Scheduler scheduler;
    private final MqttConnection mqtt;
    private final MqttNodeReporter reporter;
    private final PowerController power;
    private final TelemetrySampler sampler;
    private final AtomicLong malformedCommands = new AtomicLong();

    public BmcAgent(BmcConfig config, Context pi4j, Scheduler scheduler, MqttConnection mqtt) {
        this.config = config;
        this.scheduler = scheduler;
        this.mqtt = mqtt;
        this.reporter = new MqttNodeReporter(mqtt, scheduler, config.rack(), config.node());
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j)
                .id("power-monitor")
                .bus(config.monitor().bus())
                .device(config.monitor().address())
                .build());
        this.sampler = new TelemetrySampler(
                new Ina219(i2c, config.monitor().shuntOhms(), config.monitor().maxAmps()),
                reporter, scheduler, this::publishState);
        this.power = new PowerController(new GpioPowerSwitch(pi4j, config.power()), config.power(), scheduler,
                reporter, new DesiredPowerStore(config.stateDir()), this::publishState);
    }

    public void start() {
        mqtt.subscribe(Topics.topic(config.rack(), config.node(), TopicKind.COMMANDS), 1, (t, p) -> onCommand(p));
        mqtt.onConnected(reporter::republishState);
        scheduler.schedule(Duration.ZERO, power::start);
        scheduler.every(Duration.ZERO, config.telemetryInterval(), sampler::sample);
        scheduler.every(RECONCILE_PERIOD, RECONCILE_PERIOD, power::reconcile);
        mqtt.start();
        log.info("BMC agent for {}/{} started", config.rack(), config.node());
    }

    public long malformedCommandCount() {
        return malformedCommands.get();
    }

    private void onCommand(byte[] payload) {
        PowerCommand cmd;
        try {
            cmd = Messages.decode(payload, PowerCommand.class);
        } catch (MalformedMessageException e) {
            malformedCommands.incrementAndGet();
            log.warn("dropped malformed command ({} so far): {}", malformedCommands.get(), e.getMessage());
            return;
        }
        scheduler.schedule(Duration.ZERO, () -> power.request(cmd.action(), cmd.cause()));
    }

    private void publishState(String cause) {
        reporter.state(NodeState.of(scheduler.instant(), power.isOn() ? PowerState.ON : PowerState.OFF,
                sampler.sensorStatus(), cause));
    }

    @Override
    public void close() {
        mqtt.close();
    }
}
