package io.racklet.tests.thermal;

import com.pi4j.context.Context;
import io.racklet.protocol.resource.FanPolicyResource;
import io.racklet.protocol.resource.FanPolicyResource.CurvePoint;
import io.racklet.protocol.resource.FanPolicyResource.Failsafe;
import io.racklet.protocol.resource.FanPolicyResource.Gains;
import io.racklet.protocol.resource.FanPolicyResource.RpmRange;
import io.racklet.protocol.resource.FanPolicyResource.Thermal;
import io.racklet.rmc.control.CoolingZone;
import io.racklet.rmc.fan.Fan;
import io.racklet.rmc.fan.FanConfig;
import io.racklet.rmc.fan.PwmFan;
import io.racklet.rmc.thermal.SensorConfig;
import io.racklet.rmc.thermal.SensorPoller;
import io.racklet.rmc.thermal.Thermometers;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.RmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.pi4j.SimPi4j;
import io.racklet.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RMC's cooling loop closed over the simulated rack, in virtual time: five powered nodes,
 * the default RMC wiring (two fans, TMP102, TMP117, DS18B20), the real drivers through the
 * simulator's Pi4J platform. Records what happened for assertions and benchmark figures.
 */
final class CoolingRig implements AutoCloseable {
    static final int NODES = 5;
    final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    final SimRack rack;
    final Context pi4j;
    final SensorPoller sensors;
    final CoolingZone zone;
    final List<String> events = new ArrayList<>();
    final List<double[]> trace = new ArrayList<>(); // seconds, zone celsius, mean duty

    CoolingRig(Path oneWire, Optional<FanPolicyResource.Spec> policy) {
        rack = new SimRack(clock, RmcWiring.DEFAULT, oneWire);
        for (int i = 1; i <= NODES; i++) {
            rack.addNode("node-" + i, BmcWiring.DEFAULT, i);
            rack.node("node-" + i).setPowered(true);
        }
        rack.startPhysics();
        pi4j = SimPi4j.context(rack.board("rmc"));
        sensors = new SensorPoller(clock, (s, p) -> events.add("sensor " + s + ": " + p));
        List<SensorConfig> configs = List.of(
                new SensorConfig("hot-air", SensorConfig.Chip.TMP102, 1, 0x48, null, null, true),
                new SensorConfig("exhaust", SensorConfig.Chip.TMP117, 1, 0x49, null, null, true),
                new SensorConfig("intake", SensorConfig.Chip.DS18B20, 1, null, RmcWiring.DEFAULT.ds18b20Serial(), oneWire, false));
        configs.forEach(c -> sensors.add(c, Thermometers.create(pi4j, c)));
        List<Fan> fans = new ArrayList<>();
        int n = 1;
        for (RmcWiring.Fan f : RmcWiring.DEFAULT.fans()) {
            fans.add(new PwmFan(pi4j, new FanConfig("fan-" + n++, f.pwmChannel(), f.tachLine(), f.pulsesPerRev(), f.maxRpm(), null)));
        }
        zone = new CoolingZone(fans, sensors, clock, (k, m, c) -> events.add(k + ": " + m + " (" + c + ")"),
                io.racklet.rmc.control.Failsafe.DEFAULTS);
        zone.setPolicy(policy, "test");
        clock.every(Duration.ofMillis(500), Duration.ofMillis(500), sensors::poll);
        clock.every(CoolingZone.TEMPERATURE_PERIOD, CoolingZone.TEMPERATURE_PERIOD, zone::temperatureLoop);
        clock.every(CoolingZone.FAN_PERIOD, CoolingZone.FAN_PERIOD, zone::fanLoop);
        long[] ticks = {0};
        clock.every(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> trace.add(new double[] {
                ++ticks[0], rack.air().celsius(), zone.fans().stream().mapToDouble(f -> f.duty()).average().orElse(0)}));
    }

    void run(Duration d) {
        clock.advance(d);
    }

    /** Every node to {@code load} (0..1) of CPU. */
    void load(double load) {
        for (int i = 1; i <= NODES; i++) rack.node("node-" + i).setLoad(load);
    }

    static FanPolicyResource.Spec pid(double target) {
        return new FanPolicyResource.Spec(FanPolicyResource.Mode.pid, target, 0.2, new Gains(600, 25, 0),
                new Gains(0.01, 0.05, 0), new RpmRange(900, 4200), null, new Failsafe(100, 100, 80),
                new Thermal(70, 80, 90));
    }

    static FanPolicyResource.Spec curve(List<CurvePoint> points) {
        return new FanPolicyResource.Spec(FanPolicyResource.Mode.curve, null, 1.0, null, null, null, points,
                new Failsafe(100, 100, 80), new Thermal(70, 80, 90));
    }

    @Override
    public void close() {
        pi4j.shutdown();
        rack.close();
    }
}
