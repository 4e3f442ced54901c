package io.racklet.bmc;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import io.racklet.config.ConfigLoader;
import io.racklet.config.Entrypoint;
import io.racklet.bmc.selftest.SelftestCommand;
import io.racklet.mqtt.MqttConnection;
import io.racklet.systemd.ServiceNotifier;
import io.racklet.time.SystemScheduler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet-bmc}: the BMC agent process, identical on a Pi and in simulation. */
@Command(name = "racklet-bmc", mixinStandardHelpOptions = true, subcommands = SelftestCommand.class,
        description = "Runs the BMC agent for one compute node.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "/etc/racklet/bmc.yaml", description = "Agent configuration file (YAML; default: ${DEFAULT-VALUE}).")
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
        // under systemd (Type=notify): ready now, and the watchdog is fed by the agent's own loop
        ServiceNotifier systemd = ServiceNotifier.fromEnvironment();
        systemd.ready("BMC agent for " + cfg.rack() + "/" + cfg.node() + " running");
        systemd.keepAlive(scheduler);
        // stopping the agent leaves the node as it is: no shutdown state on any line
        return Entrypoint.runUntilStopped("bmc", () -> {
            systemd.stopping();
            agent.close();
            scheduler.close();
        });
    }
}
