package io.racklet.sim;

import io.racklet.protocol.topic.Topics;
import io.racklet.sim.board.BoardPort;
import io.racklet.sim.board.I2cDevice;
import io.racklet.sim.board.SimBoard;
import io.racklet.sim.console.NodeConsole;
import io.racklet.sim.energy.Ina219Model;
import io.racklet.sim.energy.Ina260Model;
import io.racklet.sim.board.RegisterFaults;
import io.racklet.sim.power.ComputeNode;
import io.racklet.sim.power.LoadProfile;
import io.racklet.sim.qemu.QemuDraw;
import io.racklet.sim.qemu.QemuMachine;
import io.racklet.sim.qemu.QemuSettings;
import io.racklet.time.Scheduler;
import io.racklet.sim.fan.FanModel;
import io.racklet.sim.thermal.Ds18b20Files;
import io.racklet.sim.thermal.RackAir;
import io.racklet.sim.thermal.Tmp102Model;
import io.racklet.sim.thermal.Tmp117Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical world of a simulated rack: per node a BMC board whose enable line switches the
 * node's rail, whose reset and shutdown lines restart or halt it, whose power monitor measures it
 * and whose thermometer sits beside it; optionally the node's console on a pseudo-terminal; and
 * the RMC's board with fans (PWM in, tach pulses out) and rack air sensors (TMP102, TMP117 on I2C,
 * DS18B20 as w1-therm files). The air warms with the nodes' power and cools with the fans' flow. Hardware state lives here, not in the
 * agents, so an agent can crash and come back to find its node as it left it.
 */
public final class SimRack implements AutoCloseable {
    /** Backplane 5 V at no load, and the resistance of switch, shunt and wiring to each node. */
    static final double SUPPLY_VOLTS = 5.1, PATH_OHMS = 0.12;

    private final Scheduler clock;
    private final RmcWiring rmcWiring;
    private final RackAir air;
    private final List<FanModel> fans = new ArrayList<>();
    private final Tmp102Model hotAirSensor;
    private final Tmp117Model exhaustSensor;
    private final Ds18b20Files intakeSensor;
    private final Map<String, Tmp102Model> nodeThermometers = new LinkedHashMap<>();
    /** Each node's board temperature: it follows its power with a lag, as a heatsink does. */
    private final Map<String, double[]> nodeCelsius = new java.util.concurrent.ConcurrentHashMap<>();
    /** A Pi 4 with a heatsink warms and cools with a time constant of about 30 s. */
    static final double NODE_TIME_CONSTANT_S = 30;
    private final Map<String, SimBoard> boards = new LinkedHashMap<>();
    private final Map<String, ComputeNode> nodes = new LinkedHashMap<>();
    private final Map<String, RegisterFaults> monitorFaults = new LinkedHashMap<>();
    private final Map<String, I2cDevice> monitors = new LinkedHashMap<>();
    private final Map<String, NodeConsole> consoles = new LinkedHashMap<>();
    private final Map<String, QemuMachine> qemuMachines = new LinkedHashMap<>();

    /** A rack with the default RMC wiring; its DS18B20 files go to a temporary folder. */
    public SimRack(Scheduler clock) {
        this(clock, RmcWiring.DEFAULT, defaultOneWireDir());
    }

    /**
     * @param oneWireDir where the DS18B20's w1-therm files are written (the RMC reads it as
     *                   its /sys/bus/w1/devices)
     */
    public SimRack(Scheduler clock, RmcWiring rmc, Path oneWireDir) {
        this.clock = clock;
        this.rmcWiring = rmc;
        SimBoard rmcBoard = new SimBoard(Topics.RMC);
        boards.put(Topics.RMC, rmcBoard);
        for (RmcWiring.Fan f : rmc.fans()) {
            fans.add(new FanModel(rmcBoard, f.pwmChannel(), f.tachLine(), f.maxRpm(), f.pulsesPerRev()));
        }
        air = new RackAir(AMBIENT_CELSIUS, this::totalWatts,
                () -> fans.stream().mapToDouble(FanModel::flowFraction).sum() / Math.max(1, fans.size()), fans.size());
        // sensors sit in slightly different air: the exhaust is warmest, the intake close to ambient
        hotAirSensor = new Tmp102Model(() -> air.celsius(), 101);
        exhaustSensor = new Tmp117Model(() -> air.celsius() + 0.3, 102);
        intakeSensor = new Ds18b20Files(oneWireDir, rmc.ds18b20Serial(), () -> (air.celsius() + air.ambient()) / 2, 103);
        rmcBoard.attach(rmc.i2cBus(), rmc.tmp102Address(), hotAirSensor);
        rmcBoard.attach(rmc.i2cBus(), rmc.tmp117Address(), exhaustSensor);
    }

    static final double AMBIENT_CELSIUS = 25;
    static final Duration PHYSICS_TICK = Duration.ofMillis(100);

    private static Path defaultOneWireDir() {
        try {
            return Files.createTempDirectory("racklet-w1");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts time in the world: fans, air and sensors advance every 100 ms of the scheduler's time. */
    public SimRack startPhysics() {
        long[] ticks = {0};
        clock.every(PHYSICS_TICK, PHYSICS_TICK, () -> {
            double dt = PHYSICS_TICK.toNanos() / 1e9;
            fans.forEach(f -> f.step(dt));
            air.step(dt);
            double follow = 1 - Math.exp(-dt / NODE_TIME_CONSTANT_S);
            nodesByName().forEach((name, node) -> {
                double[] c = nodeCelsius.get(name);
                c[0] += (air.nodeCelsius(node.watts()) - c[0]) * follow;
            });
            if (ticks[0]++ % 8 == 0) {
                try {
                    intakeSensor.convert();
                } catch (IOException e) {
                    // the file system hiccuped: the driver sees an old or missing reading, as on a Pi
                }
            }
        });
        return this;
    }

    private double totalWatts() {
        double w = 0;
        for (ComputeNode n : nodesSnapshot()) {
            w += n.watts();
        }
        return w;
    }

    private synchronized Map<String, ComputeNode> nodesByName() {
        return Map.copyOf(nodes);
    }

    private synchronized List<ComputeNode> nodesSnapshot() {
        return List.copyOf(nodes.values());
    }

    public RackAir air() {
        return air;
    }

    public List<FanModel> fans() {
        return fans;
    }

    public RmcWiring rmcWiring() {
        return rmcWiring;
    }

    public Tmp102Model hotAirSensor() {
        return hotAirSensor;
    }

    public Tmp117Model exhaustSensor() {
        return exhaustSensor;
    }

    public Ds18b20Files intakeSensor() {
        return intakeSensor;
    }

    public synchronized Tmp102Model nodeThermometer(String name) {
        return nodeThermometers.get(name);
    }

    /** Adds a compute node and its BMC board, wired as {@code wiring} says. */
    public synchronized SimRack addNode(String name, BmcWiring wiring, long seed) {
        ComputeNode node = new ComputeNode(clock, LoadProfile.RASPBERRY_PI_4, SUPPLY_VOLTS, PATH_OHMS, seed);
        return addNode(name, wiring, seed, node, () -> {
            // reset asserted (active-low): the node restarts from scratch
            node.setPowered(false);
            node.setPowered(true);
        }, () -> {
            // the node's GPIO3 pulled low: gpio-shutdown makes its OS halt
            node.requestShutdown();
            NodeConsole c = console(name);
            if (c != null) c.shutdown(ComputeNode.SHUTDOWN_TIME);
        });
    }

    /**
     * Adds a compute node that is a real QEMU machine: its rail starts and stops QEMU, the reset
     * line resets it through QMP, the shutdown line presses its ACPI power button, its console is
     * QEMU's pseudo-terminal linked at {@code consoleLink}, and its draw follows QEMU's CPU use.
     */
    public synchronized QemuMachine addQemuNode(String name, BmcWiring wiring, long seed, QemuSettings settings, Path consoleLink) {
        QemuMachine machine = new QemuMachine(name, settings, consoleLink);
        ComputeNode node = new ComputeNode(clock, new QemuDraw(LoadProfile.RASPBERRY_PI_4, machine), SUPPLY_VOLTS, PATH_OHMS, seed);
        node.onPowerChange(on -> {
            if (on) machine.powerOn();
            else machine.powerOff();
        });
        addNode(name, wiring, seed, node, machine::reset, machine::powerdown);
        qemuMachines.put(name, machine);
        return machine;
    }

    private SimRack addNode(String name, BmcWiring wiring, long seed, ComputeNode node, Runnable reset, Runnable shutdown) {
        SimBoard board = new SimBoard(name);
        board.onLineChange((line, high) -> {
            if (line == wiring.enableLine()) {
                node.setPowered(high == wiring.enableActiveHigh());
            } else if (line == wiring.resetLine() && !high && node.powered()) {
                reset.run();
            } else if (line == wiring.shutdownLine() && !high && node.powered()) {
                shutdown.run();
            }
        });
        // lines idle at the level that keeps the rail off and reset and shutdown released
        board.writeLine(wiring.enableLine(), !wiring.enableActiveHigh());
        board.writeLine(wiring.resetLine(), true);
        board.writeLine(wiring.shutdownLine(), true);
        double[] celsius = {air.celsius()};
        nodeCelsius.put(name, celsius);
        // the thermometer reads the lagging board temperature: a 200 ms inrush is no heat wave
        Tmp102Model thermometer = new Tmp102Model(() -> celsius[0], seed + 1000);
        board.attach(wiring.i2cBus(), wiring.thermometerAddress(), thermometer);
        nodeThermometers.put(name, thermometer);
        I2cDevice monitor;
        RegisterFaults faults;
        if (wiring.monitor() == BmcWiring.Monitor.INA260) {
            Ina260Model m = new Ina260Model(clock, node::volts, node::amps, seed);
            monitor = m;
            faults = m.faults();
        } else {
            Ina219Model m = new Ina219Model(clock, node::volts, node::amps, wiring.shuntOhms(), seed);
            monitor = m;
            faults = m.faults();
        }
        board.attach(wiring.i2cBus(), wiring.monitorAddress(), monitor);
        boards.put(name, board);
        nodes.put(name, node);
        monitors.put(name, monitor);
        monitorFaults.put(name, faults);
        return this;
    }

    /** Gives a node a serial console on a pseudo-terminal linked at {@code device}. */
    public synchronized NodeConsole attachConsole(String name, Path device) throws IOException {
        NodeConsole c = new NodeConsole(name, nodes.get(name), clock, LoadProfile.RASPBERRY_PI_4.boot(), device);
        consoles.put(name, c);
        return c;
    }

    /** The board of a node, or of the RMC ({@code "rmc"}); null if there is none. */
    public synchronized BoardPort board(String name) {
        return boards.get(name);
    }

    public synchronized ComputeNode node(String name) {
        return nodes.get(name);
    }

    public synchronized I2cDevice monitor(String name) {
        return monitors.get(name);
    }

    /** Where tests inject I2C faults into a node's power monitor. */
    public synchronized RegisterFaults monitorFaults(String name) {
        return monitorFaults.get(name);
    }

    /** The QEMU machine of a node added with {@link #addQemuNode}, or null. */
    public synchronized QemuMachine qemuMachine(String name) {
        return qemuMachines.get(name);
    }

    public synchronized NodeConsole console(String name) {
        return consoles.get(name);
    }

    public synchronized List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    @Override
    public synchronized void close() {
        consoles.values().forEach(NodeConsole::close);
        qemuMachines.values().forEach(QemuMachine::close);
    }
}
