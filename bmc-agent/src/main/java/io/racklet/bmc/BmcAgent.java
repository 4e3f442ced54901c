package io.racklet.bmc;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import io.racklet.bmc.console.ConsoleLog;
import io.racklet.bmc.console.ConsoleMonitor;
import io.racklet.bmc.console.JsscSerialLine;
import io.racklet.bmc.energy.EnergyCounter;
import io.racklet.bmc.energy.Ina219;
import io.racklet.bmc.energy.Ina260;
import io.racklet.bmc.energy.MonitorConfig;
import io.racklet.bmc.energy.PowerMonitor;
import io.racklet.bmc.energy.TelemetrySampler;
import io.racklet.bmc.power.DesiredPowerStore;
import io.racklet.bmc.power.GpioLines;
import io.racklet.bmc.power.OverCurrentGuard;
import io.racklet.bmc.power.PowerController;
import io.racklet.bmc.power.PowerAdmission;
import io.racklet.bmc.power.PowerGate;
import io.racklet.bmc.boot.VerifiedBoot;
import io.racklet.bmc.sync.NodeSpecFollower;
import io.racklet.sync.AgentSync;
import io.racklet.bmc.thermal.ThermometerConfig;
import io.racklet.drivers.thermal.Thermometer;
import io.racklet.drivers.thermal.Tmp102;
import io.racklet.drivers.thermal.Tmp117;
import io.racklet.protocol.message.PowerGrant;
import io.racklet.protocol.message.PowerRequest;
import io.racklet.protocol.message.RackState;
import io.racklet.bmc.report.MqttNodeReporter;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.Command;
import io.racklet.protocol.message.ConsoleInput;
import io.racklet.protocol.message.MalformedMessageException;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerCommand;
import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.time.Scheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's BMC: wires the node's hardware (through Pi4J and jssc only) to its reconcile loops
 * and to MQTT. All loop work runs on the injected scheduler's thread.
 */
public final class BmcAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BmcAgent.class);
    static final Duration RECONCILE_PERIOD = Duration.ofSeconds(1);
    static final Duration FIRST_REPORT = Duration.ofMillis(300);

    private final BmcConfig config;
    private final Scheduler scheduler;
    private final MqttConnection mqtt;
    private final MqttNodeReporter reporter;
    private final PowerController power;
    private final TelemetrySampler sampler;
    private final PowerGate gate;
    private final VerifiedBoot verifiedBoot;
    private final EnergyCounter energy;
    private final Optional<ConsoleMonitor> console;
    private final BootTracker boot;
    private final Optional<AgentSync> sync;
    private final AtomicLong malformedCommands = new AtomicLong();
    private String consoleHealth;
    private Boolean lastPowered;

    public BmcAgent(BmcConfig config, Context pi4j, Scheduler scheduler, MqttConnection mqtt) {
        this.config = config;
        this.scheduler = scheduler;
        this.mqtt = mqtt;
        this.reporter = new MqttNodeReporter(mqtt, scheduler, config.rack(), config.node());
        this.gate = new PowerGate(config.node(), config.power(), scheduler, this::askRack, reporter, config.stateDir());
        this.verifiedBoot = new VerifiedBoot(config.node(), config.boot(), config.stateDir(), scheduler, reporter);
        this.power = new PowerController(GpioLines.enable(pi4j, config.power()),
                config.power().resetLine() == null ? Optional.empty() : Optional.of(GpioLines.reset(pi4j, config.power())),
                config.power().shutdownLine() == null ? Optional.empty() : Optional.of(GpioLines.shutdown(pi4j, config.power())),
                PowerAdmission.inOrder(verifiedBoot, gate), config.power(), scheduler, reporter, new DesiredPowerStore(config.stateDir()),
                this::publishState);
        verifiedBoot.bind(power::reconcile, power::abandonPowerOn);
        OverCurrentGuard guard = new OverCurrentGuard(config.power().overCurrent(), scheduler,
                cause -> power.protect("power.overcurrent", cause));
        this.energy = new EnergyCounter(config.stateDir(), scheduler.instant());
        this.sampler = new TelemetrySampler(monitor(pi4j, config.monitor()), energy, reporter, scheduler,
                config.monitor().sampleInterval(), r -> {
                    guard.check(r);
                    power.observe(r.watts());
                }, this::publishState);
        if (config.thermometer() != null) {
            sampler.withThermometer(thermometer(pi4j, config.thermometer()));
        }
        this.boot = new BootTracker(config.console().enabled(), config.stateDir());
        this.consoleHealth = config.console().enabled() ? "unknown" : "none";
        this.console = config.console().enabled()
                ? Optional.of(new ConsoleMonitor(config.console(),
                        new JsscSerialLine(config.console().device(), config.console().baud()),
                        new ConsoleLog(config.stateDir().resolve("console"), config.console().logMaxBytes()),
                        reporter, scheduler, new ConsoleEvents()))
                : Optional.empty();
        this.sync = config.sync() == null ? Optional.empty() : Optional.of(agentSync(config, scheduler, mqtt));
    }

    private AgentSync agentSync(BmcConfig config, Scheduler scheduler, MqttConnection mqtt) {
        try {
            return new AgentSync(config.sync(), config.rack(), config.node(), config.stateDir(), scheduler, mqtt,
                    new NodeSpecFollower(config.node(), power, verifiedBoot, reporter::event), reporter::event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot open the rack repository copy in " + config.stateDir(), e);
        }
    }

    private static PowerMonitor monitor(Context pi4j, MonitorConfig m) {
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id("power-monitor").bus(m.bus()).device(m.address()).build());
        return switch (m.chip()) {
            case INA219 -> new Ina219(i2c, m.shuntOhms(), m.maxAmps());
            case INA260 -> new Ina260(i2c);
        };
    }

    private static Thermometer thermometer(Context pi4j, ThermometerConfig t) {
        I2C i2c = pi4j.create(I2C.newConfigBuilder(pi4j).id("node-thermometer").bus(t.bus()).device(t.address()).build());
        return switch (t.chip()) {
            case TMP102 -> new Tmp102(i2c);
            case TMP117 -> new Tmp117(i2c);
        };
    }

    public void start() {
        mqtt.subscribe(Topics.topic(config.rack(), config.node(), TopicKind.COMMANDS), 1, (t, p) -> onCommand(p));
        mqtt.subscribe(Topics.topic(config.rack(), Topics.RMC, TopicKind.STATE), 1, (t, p) -> onRackState(p));
        mqtt.onConnected(reporter::republishState);
        scheduler.schedule(Duration.ZERO, () -> {
            String reset = energy.takeResetReason();
            if (reset != null) {
                reporter.event("energy.reset", "energy counter starts a new epoch " + energy.epoch(), reset);
            }
            power.start();
            reporter.event("bmc.started", "BMC agent started; " + power.lastCause(), "agent start");
        });
        scheduler.every(Duration.ZERO, config.monitor().sampleInterval(), sampler::sample);
        // the first report comes soon after start (dashboards see the agent at once), then one per interval
        scheduler.every(FIRST_REPORT.compareTo(config.telemetryInterval()) < 0 ? FIRST_REPORT : config.telemetryInterval(),
                config.telemetryInterval(), sampler::publish);
        scheduler.every(RECONCILE_PERIOD, RECONCILE_PERIOD, power::reconcile);
        console.ifPresent(ConsoleMonitor::start);
        // after power.start(): a spec restored at start must find the line already adopted
        scheduler.schedule(Duration.ZERO, () -> sync.ifPresent(AgentSync::start));
        mqtt.start();
        log.info("BMC agent for {}/{} started", config.rack(), config.node());
    }

    private void onCommand(byte[] payload) {
        Command cmd;
        try {
            cmd = Messages.decode(payload, Command.class);
        } catch (MalformedMessageException e) {
            malformedCommands.incrementAndGet();
            log.warn("dropped malformed command ({} so far): {}", malformedCommands.get(), e.getMessage());
            return;
        }
        scheduler.schedule(Duration.ZERO, () -> execute(cmd));
    }

    private void onRackState(byte[] payload) {
        try {
            RackState s = Messages.decode(payload, RackState.class);
            scheduler.schedule(Duration.ZERO, () -> {
                gate.budget(s.budgetWatts());
                power.reconcile();
            });
        } catch (MalformedMessageException e) {
            log.warn("ignored malformed rack state: {}", e.getMessage());
        }
    }

    /** Asks the RMC for room in the rack's power budget. */
    private void askRack(PowerRequest r) {
        mqtt.publish(Topics.topic(config.rack(), Topics.RMC, TopicKind.COMMANDS), Messages.encode(r), 1, false);
    }

    private void execute(Command cmd) {
        if (cmd instanceof PowerCommand p) {
            power.request(p.action(), p.cause());
        } else if (cmd instanceof PowerGrant g) {
            String refusal = gate.answer(g);
            if (refusal == null) return;
            if (refusal.isEmpty()) {
                power.reconcile();
            } else {
                power.refused(refusal);
            }
        } else if (cmd instanceof ConsoleInput in) {
            console.ifPresentOrElse(c -> c.write(in.data(), in.cause()),
                    () -> reporter.event("console.input.failed", "this node has no console configured", in.cause()));
        }
    }

    private void publishState(String cause) {
        boolean powered = power.isOn();
        if (lastPowered == null) {
            boot.adopt(powered);
        } else if (powered != lastPowered) {
            boot.powerChanged();
        }
        lastPowered = powered;
        reporter.state(NodeState.of(scheduler.instant(), powered ? PowerState.ON : PowerState.OFF,
                boot.state(powered), sampler.sensorStatus(), consoleHealth, cause));
    }

    /** Console news, on the scheduler thread. */
    private final class ConsoleEvents implements ConsoleMonitor.Listener {
        @Override
        public void readyMarkerSeen() {
            if (boot.markerSeen(power.isOn())) {
                String cause = "ready marker '" + config.console().readyMarker() + "' on the console";
                reporter.event("node.booted", "node booted", cause);
                publishState(cause);
            }
        }

        @Override
        public void consoleHealth(String health, String cause) {
            consoleHealth = health;
            publishState(cause);
        }
    }

    @Override
    public void close() {
        sync.ifPresent(AgentSync::close);
        verifiedBoot.close();
        console.ifPresent(ConsoleMonitor::close);
        mqtt.close();
    }
}
