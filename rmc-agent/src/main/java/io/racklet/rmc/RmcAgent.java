package io.racklet.rmc;

import com.pi4j.context.Context;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.message.Command;
import io.racklet.protocol.message.MalformedMessageException;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.NodeEvent;
import io.racklet.protocol.message.PowerAction;
import io.racklet.protocol.message.PowerCommand;
import io.racklet.protocol.message.PowerGrant;
import io.racklet.protocol.message.PowerRequest;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.protocol.message.RackState;
import io.racklet.protocol.message.RackTelemetry;
import io.racklet.protocol.resource.FanPolicyResource;
import io.racklet.protocol.resource.RackDeclaration;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.rmc.control.CoolingZone;
import io.racklet.rmc.fan.Fan;
import io.racklet.rmc.fan.PwmFan;
import io.racklet.rmc.policy.PolicySource;
import io.racklet.sync.AgentSync;
import io.racklet.sync.AppliedSpec;
import io.racklet.sync.SyncTarget;
import io.racklet.rmc.power.PowerBudget;
import io.racklet.rmc.power.RackPowerMeter;
import io.racklet.rmc.thermal.SensorPoller;
import io.racklet.rmc.thermal.ThermalGuard;
import io.racklet.rmc.thermal.Thermometers;
import io.racklet.time.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rack's RMC: cools the rack (fans, sensors, cascaded control with failsafes), protects nodes
 * from heat, keeps power-on inside the rack's budget, and reports rack telemetry. Loops run on
 * the injected scheduler's thread; MQTT input is handed to it.
 */
public final class RmcAgent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RmcAgent.class);
    static final Duration SENSOR_PERIOD = Duration.ofMillis(500);
    static final Duration POLICY_PERIOD = Duration.ofSeconds(2);
    static final Duration FIRST_REPORT = Duration.ofMillis(600);

    private final RmcConfig config;
    private final Scheduler scheduler;
    private final MqttConnection mqtt;
    private final RackPowerMeter meter;
    private final SensorPoller sensors;
    private final CoolingZone zone;
    private final PowerBudget budget;
    private final ThermalGuard thermal;
    private final PolicySource policy;
    private final AgentSync sync;
    private final AtomicLong malformed = new AtomicLong();
    private long seq;
    private long eventSeq;
    private RackState lastState;

    public RmcAgent(RmcConfig config, Context pi4j, Scheduler scheduler, MqttConnection mqtt) {
        this.config = config;
        this.scheduler = scheduler;
        this.mqtt = mqtt;
        this.meter = new RackPowerMeter(config.staleAfter());
        this.sensors = new SensorPoller(scheduler, (sensor, problem) -> event(problem == null ? "sensor.recovered" : "sensor.failed",
                "sensor " + sensor + (problem == null ? " reads again" : " failed: " + problem), "sensor " + sensor));
        config.sensors().forEach(s -> sensors.add(s, Thermometers.create(pi4j, s)));
        List<Fan> fans = config.fans().stream().<Fan>map(f -> new PwmFan(pi4j, f)).toList();
        this.zone = new CoolingZone(fans, sensors, scheduler, this::event, config.failsafe());
        this.budget = new PowerBudget(scheduler, this::answer, this::event);
        this.thermal = new ThermalGuard(this::event, this::commandNode);
        this.policy = config.rackSpec() == null ? null
                : new PolicySource(config.rackSpec(), d -> apply(d, "rack spec " + config.rackSpec() + " loaded"), this::rejected);
        this.sync = config.sync() == null ? null : agentSync(config, scheduler, mqtt);
        if (policy == null) {
            zone.setPolicy(Optional.empty(), sync == null ? "no rackSpec or sync configured" : "waiting for the signed rack spec");
        }
    }

    private AgentSync agentSync(RmcConfig config, Scheduler scheduler, MqttConnection mqtt) {
        try {
            return new AgentSync(config.sync(), config.rack(), Topics.RMC, config.stateDir(), scheduler, mqtt, new SyncTarget() {
                @Override
                public void apply(AppliedSpec spec) {
                    RmcAgent.this.apply(spec.declaration(), spec.cause());
                }

                @Override
                public void refused(String commit, String reason) {
                    // the last good policy stays; before any, the failsafe holds
                }
            }, this::event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot open the rack repository copy in " + config.stateDir(), e);
        }
    }

    public void start() {
        mqtt.subscribe(Topics.allNodes(config.rack(), TopicKind.TELEMETRY), 0, this::onTelemetry);
        mqtt.subscribe(Topics.topic(config.rack(), Topics.RMC, TopicKind.COMMANDS), 1, this::onCommand);
        mqtt.onConnected(() -> {
            if (lastState != null) publishState(lastState);
        });
        if (policy != null) {
            scheduler.schedule(Duration.ZERO, policy::check);
            scheduler.every(POLICY_PERIOD, POLICY_PERIOD, policy::check);
        } else if (sync != null) {
            sync.start();
        } else {
            scheduler.schedule(Duration.ZERO, () -> publishState(RackState.of(scheduler.instant(), null, "failsafe", "no rack spec")));
        }
        scheduler.every(Duration.ZERO, SENSOR_PERIOD, sensors::poll);
        scheduler.every(CoolingZone.TEMPERATURE_PERIOD, CoolingZone.TEMPERATURE_PERIOD, zone::temperatureLoop);
        scheduler.every(CoolingZone.FAN_PERIOD, CoolingZone.FAN_PERIOD, zone::fanLoop);
        scheduler.every(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            budget.draw(meter.total(scheduler.instant()).peakWatts());
            budget.process();
        });
        // the first report comes soon after start (dashboards see the agent at once), then one per interval
        scheduler.every(FIRST_REPORT.compareTo(config.telemetryInterval()) < 0 ? FIRST_REPORT : config.telemetryInterval(),
                config.telemetryInterval(), this::publish);
        mqtt.start();
        log.info("RMC agent for rack {} started with {} fans and {} sensors", config.rack(), config.fans().size(), config.sensors().size());
    }

    public long malformedCount() {
        return malformed.get();
    }

    public CoolingZone zone() {
        return zone;
    }

    private void apply(RackDeclaration spec, String cause) {
        Double watts = spec.rack().spec().powerBudgetWatts();
        budget.setBudget(watts);
        Optional<FanPolicyResource.Spec> fan = spec.fanPolicy().map(FanPolicyResource::spec);
        zone.setPolicy(fan, fan.isPresent() ? "'" + spec.fanPolicy().get().name() + "'" : "none in the rack spec");
        thermal.setThresholds(fan.map(FanPolicyResource.Spec::thermal).orElse(null));
        event("policy.applied", "power budget " + (watts == null ? "none" : watts + " W") + ", fan policy "
                + fan.map(f -> f.mode().name()).orElse("none (failsafe)"), cause);
        publishState(RackState.of(scheduler.instant(), watts, fan.map(f -> f.mode().name()).orElse("failsafe"), cause));
    }

    private void rejected(String problems, boolean keptLastGood) {
        event("policy.invalid", "rack spec rejected" + (keptLastGood ? "; the last valid one stays applied" : "") + ": " + problems,
                "rack spec " + config.rackSpec());
        if (!keptLastGood) {
            zone.setPolicy(Optional.empty(), "rack spec invalid");
            publishState(RackState.of(scheduler.instant(), null, "failsafe", "rack spec invalid"));
        }
    }

    private void onTelemetry(String topic, byte[] payload) {
        var address = Topics.parse(topic).orElse(null);
        if (address == null || Topics.isReserved(address.node())) return;
        try {
            PowerTelemetry t = Messages.decode(payload, PowerTelemetry.class);
            meter.record(address.node(), t);
            if (t.celsius() != null) {
                scheduler.schedule(Duration.ZERO, () -> thermal.nodeTemperature(address.node(), t.celsius()));
            }
        } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            log.warn("dropped malformed telemetry from {} ({} so far): {}", address.node(), malformed.get(), e.getMessage());
        }
    }

    private void onCommand(String topic, byte[] payload) {
        try {
            if (Messages.decode(payload, Command.class) instanceof PowerRequest r) {
                scheduler.schedule(Duration.ZERO, () -> budget.request(r));
            }
        } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            log.warn("dropped malformed command ({} so far): {}", malformed.get(), e.getMessage());
        }
    }

    private void answer(PowerRequest r, boolean granted, String reason) {
        PowerGrant g = PowerGrant.of(UUID.randomUUID().toString(), scheduler.instant(), r.id(), granted, reason);
        mqtt.publish(Topics.topic(config.rack(), r.node(), TopicKind.COMMANDS), Messages.encode(g), 1, false);
    }

    private void commandNode(String node, PowerAction action) {
        PowerCommand c = PowerCommand.of(UUID.randomUUID().toString(), scheduler.instant(), action, "rmc thermal protection");
        mqtt.publish(Topics.topic(config.rack(), node, TopicKind.COMMANDS), Messages.encode(c), 1, false);
    }

    private void event(String kind, String message, String cause) {
        log.info("event {}: {} (cause: {})", kind, message, cause);
        mqtt.publish(Topics.topic(config.rack(), Topics.RMC, TopicKind.EVENTS),
                Messages.encode(NodeEvent.of(++eventSeq, scheduler.instant(), kind, message, cause)), 1, false);
    }

    private void publishState(RackState s) {
        lastState = s;
        mqtt.publish(Topics.topic(config.rack(), Topics.RMC, TopicKind.STATE), Messages.encode(s), 1, true);
    }

    private void publish() {
        RackPowerMeter.Total total = meter.total(scheduler.instant());
        mqtt.publish(Topics.topic(config.rack(), Topics.RMC, TopicKind.TELEMETRY), Messages.encode(new RackTelemetry(
                io.racklet.protocol.message.Message.VERSION, ++seq, scheduler.instant(), total.watts(), total.nodes(), budget.budget(),
                budget.headroom(), budget.queued(), zone.zone(), zone.fans(), sensors.readings())), 0, false);
    }

    @Override
    public void close() {
        if (sync != null) sync.close();
        mqtt.close();
    }
}
