package io.racklet.rmc;

import com.pi4j.Pi4J;
import io.racklet.config.ConfigLoader;
import io.racklet.config.Entrypoint;
import io.racklet.mqtt.MqttConnection;
import io.racklet.protocol.topic.Topics;
import io.racklet.time.SystemScheduler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet-rmc}: the rack management agent process, identical on a Pi and in simulation. */
@Command(name = "racklet-rmc", mixinStandardHelpOptions = true, description = "Runs the RMC agent of a rack.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "Agent configuration file (YAML).")
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
        return Entrypoint.runUntilStopped("rmc", () -> {
            agent.close();
            scheduler.close();
        });
    }
}
