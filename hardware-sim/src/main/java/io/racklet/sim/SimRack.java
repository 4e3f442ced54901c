package io.racklet.sim;

import io.racklet.protocol.topic.Topics;
import io.racklet.sim.board.BoardPort;
import io.racklet.sim.board.I2cDevice;
import io.racklet.sim.board.SimBoard;
import io.racklet.sim.console.NodeConsole;
import io.racklet.sim.energy.Ina219Model;
import io.racklet.sim.energy.Ina260Model;
import io.racklet.sim.energy.RegisterFaults;
import io.racklet.sim.power.ComputeNode;
import io.racklet.sim.power.LoadProfile;
import io.racklet.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical world of a simulated rack: per node a BMC board whose enable line switches the
 * node's rail, whose reset line restarts it, and whose power monitor measures it; optionally the
 * node's console on a pseudo-terminal; and the RMC's board. Hardware state lives here, not in the
 * agents, so an agent can crash and come back to find its node as it left it.
 */
public final class SimRack implements AutoCloseable {
    /** Backplane 5 V at no load, and the resistance of switch, shunt and wiring to each node. */
    static final double SUPPLY_VOLTS = 5.1, PATH_OHMS = 0.12;

    private final Scheduler clock;
    private final Map<String, SimBoard> boards = new LinkedHashMap<>();
    private final Map<String, ComputeNode> nodes = new LinkedHashMap<>();
    private final Map<String, RegisterFaults> monitorFaults = new LinkedHashMap<>();
    private final Map<String, I2cDevice> monitors = new LinkedHashMap<>();
    private final Map<String, NodeConsole> consoles = new LinkedHashMap<>();

    public SimRack(Scheduler clock) {
        this.clock = clock;
        boards.put(Topics.RMC, new SimBoard(Topics.RMC));
    }

    /** Adds a compute node and its BMC board, wired as {@code wiring} says. */
    public synchronized SimRack addNode(String name, BmcWiring wiring, long seed) {
        SimBoard board = new SimBoard(name);
        ComputeNode node = new ComputeNode(clock, LoadProfile.RASPBERRY_PI_4, SUPPLY_VOLTS, PATH_OHMS, seed);
        board.onLineChange((line, high) -> {
            if (line == wiring.enableLine()) {
                node.setPowered(high == wiring.enableActiveHigh());
            } else if (line == wiring.resetLine() && !high && node.powered()) {
                // reset asserted (active-low): the node restarts from scratch
                node.setPowered(false);
                node.setPowered(true);
            }
        });
        // lines idle at the level that keeps the rail off and reset released
        board.writeLine(wiring.enableLine(), !wiring.enableActiveHigh());
        board.writeLine(wiring.resetLine(), true);
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

    public synchronized SimBoard simBoard(String name) {
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

    public synchronized NodeConsole console(String name) {
        return consoles.get(name);
    }

    public synchronized List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    @Override
    public synchronized void close() {
        consoles.values().forEach(NodeConsole::close);
    }
}
