package io.racklet.sim;

import io.racklet.protocol.topic.Topics;
import io.racklet.sim.board.BoardPort;
import io.racklet.sim.board.SimBoard;
import io.racklet.sim.energy.Ina219Model;
import io.racklet.sim.power.ComputeNode;
import io.racklet.sim.power.LoadProfile;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical world of a simulated rack: per node a BMC board whose enable line switches the
 * node's rail and whose INA219 measures it; and the RMC's board. Hardware state lives here, not
 * in the agents, so an agent can crash and come back to find its node as it left it.
 */
public final class SimRack {
    /** Backplane 5 V at no load, and the resistance of switch, shunt and wiring to each node. */
    static final double SUPPLY_VOLTS = 5.1, PATH_OHMS = 0.12;

    private final InstantSource clock;
    private final Map<String, SimBoard> boards = new LinkedHashMap<>();
    private final Map<String, ComputeNode> nodes = new LinkedHashMap<>();
    private final Map<String, Ina219Model> monitors = new LinkedHashMap<>();

    public SimRack(InstantSource clock) {
        this.clock = clock;
        boards.put(Topics.RMC, new SimBoard(Topics.RMC));
    }

    /** Adds a compute node and its BMC board, wired as {@code wiring} says. */
    public synchronized SimRack addNode(String name, BmcWiring wiring, long seed) {
        SimBoard board = new SimBoard(name);
        ComputeNode node = new ComputeNode(clock, LoadProfile.RASPBERRY_PI_4, SUPPLY_VOLTS, PATH_OHMS);
        board.onLineChange((line, high) -> {
            if (line == wiring.enableLine()) {
                node.setPowered(high == wiring.enableActiveHigh());
            }
        });
        // a rail whose enable is active-low is on while the line floats low: set the idle level
        board.writeLine(wiring.enableLine(), !wiring.enableActiveHigh());
        Ina219Model monitor = new Ina219Model(clock, node::volts, node::amps, wiring.shuntOhms(), seed);
        board.attach(wiring.i2cBus(), wiring.monitorAddress(), monitor);
        boards.put(name, board);
        nodes.put(name, node);
        monitors.put(name, monitor);
        return this;
    }

    /** The board of a node, or of the RMC ({@code "rmc"}); null if there is none. */
    public synchronized BoardPort board(String name) {
        return boards.get(name);
    }

    public synchronized ComputeNode node(String name) {
        return nodes.get(name);
    }

    public synchronized Ina219Model monitor(String name) {
        return monitors.get(name);
    }

    public synchronized Iterable<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }
}
