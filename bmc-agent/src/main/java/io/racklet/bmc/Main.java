package io.racklet.bmc;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import io.racklet.config.ConfigLoader;
import io.racklet.config.Entrypoint;
import io.racklet.mqtt.MqttConnection;
import io.racklet.time.SystemScheduler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet-bmc}: the BMC agent process, identical on a Pi and in simulation. */
@Command(name = "racklet-bmc", mixinStandardHelpOptions = true,
        description = "Runs the BMC agent for one compute node.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "Agent configuration file (YAML).")
    Path config;

    public static void main(String[] args) {
        System.exit(Entrypoint.execute(new Main(), args));
    }

    @Override
    public Integer call() throws InterruptedException {
        BmcConfig cfg = ConfigLoader.load(config, BmcConfig.class);
        // the platform (a real Pi, or the simulator's Pi4J plugin) is whatever Pi4J finds
        Context pi4j = Pi4J.newAutoContext();
        SystemScheduler scheduler = new SystemScheduler("bmc-" + cfg.node());
        BmcAgent agent = new BmcAgent(cfg, pi4j, scheduler, MqttConnection.forAgent(cfg.mqtt(), "bmc", cfg.rack(), cfg.node()));
        agent.start();
        // stopping the agent leaves the node as it is: no shutdown state on any line
        return Entrypoint.runUntilStopped("bmc", () -> {
            agent.close();
            scheduler.close();
        });
    }
}
