package io.racklet.controller;

import io.micronaut.context.ApplicationContext;
import io.racklet.config.ConfigLoader;
import io.racklet.config.Entrypoint;
import io.racklet.systemd.ServiceNotifier;
import io.racklet.time.SystemScheduler;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet-controller}: the rack controller process. */
@Command(name = "racklet-controller", mixinStandardHelpOptions = true,
        description = "Runs the rack controller: broker, API and dashboard.")
public final class Main implements Callable<Integer> {
    @Option(names = "--config", defaultValue = "/etc/racklet/controller.yaml", description = "Controller configuration file (YAML; default: ${DEFAULT-VALUE}).")
    Path config;

    public static void main(String[] args) {
        System.exit(Entrypoint.execute(new Main(), args));
    }

    @Override
    public Integer call() throws InterruptedException {
        ControllerConfig cfg = ConfigLoader.load(config, ControllerConfig.class);
        ApplicationContext ctx = ControllerApp.start(cfg);
        System.out.println("racklet controller listening on http://" + cfg.http().host() + ":" + ControllerApp.httpPort(ctx));
        // under systemd (Type=notify): ready once the API and broker listen; a thread of its own feeds the watchdog
        ServiceNotifier systemd = ServiceNotifier.fromEnvironment();
        systemd.ready("controller for rack " + cfg.rack() + " listening on port " + ControllerApp.httpPort(ctx));
        SystemScheduler watchdog = new SystemScheduler("controller-watchdog");
        systemd.keepAlive(watchdog);
        return Entrypoint.runUntilStopped("controller", () -> {
            systemd.stopping();
            watchdog.close();
            ctx.close();
        });
    }
}
