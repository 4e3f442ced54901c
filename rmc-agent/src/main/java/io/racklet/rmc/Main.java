package io.racklet.rmc;

import com.pi4j.Pi4J;
import io.racklet.config.ConfigLoader;
import io.racklet.config.Entrypoint;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.topic.Topics;
import io.racklet.rmc.selftest.SelftestCommand;
import io.racklet.systemd.ServiceNotifier;
import io.racklet.time.SystemScheduler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet-rmc}: the rack management agent process, identical on a Pi and in simulation. */
@Command(name = "racklet-rmc", mixinStandardHelpOptions = true, subcommands = SelftestCommand.class, description = "Runs the RMC agent of a rack.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "/etc/racklet/rmc.yaml", description = "Agent configuration file (YAML; default: ${DEFAULT-VALUE}).")
    Path config;

    public static void main(String[] args) {
        System.exit(Entrypoint.execute(new Main(), args));
    }

    @Override
    public Integer call() throws InterruptedException {
        RmcConfig cfg = ConfigLoader.load(config, RmcConfig.class);
        SystemScheduler scheduler = new SystemScheduler("rmc");
        // the platform (a real Pi, or the simulator's Pi4J plugin) is whatever Pi4J finds
        RmcAgent agent = new RmcAgent(cfg, Pi4J.newAutoContext(), scheduler,
                MqttConnection.forAgent(cfg.mqtt(), Topics.RMC, cfg.rack(), Topics.RMC));
        agent.start();
        // under systemd (Type=notify): ready now, and the watchdog is fed by the agent's own loop
        ServiceNotifier systemd = ServiceNotifier.fromEnvironment();
        systemd.ready("RMC agent for rack " + cfg.rack() + " running");
        systemd.keepAlive(scheduler);
        return Entrypoint.runUntilStopped("rmc", () -> {
            systemd.stopping();
            agent.close();
            scheduler.close();
        });
    }
}
