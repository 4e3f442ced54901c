package io.racklet.cli.demo;

import io.racklet.config.Entrypoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code racklet demo}: a whole simulated rack on this machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a whole simulated rack: controller with embedded broker, one RMC and a BMC per node.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--nodes", defaultValue = "5", description = "Number of compute nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--http-port", defaultValue = "8080", description = "API and dashboard port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--mqtt-port", defaultValue = "1883", description = "Embedded MQTT broker port (default: ${DEFAULT-VALUE}).")
    int mqttPort;

    @Option(names = "--budget-watts", description = "The rack's power budget: nodes power on in turn to stay inside it.")
    Double budgetWatts;

    @Option(names = "--qemu", defaultValue = "0", paramLabel = "N",
            description = "Make the first N nodes real QEMU machines that network-boot a signed Debian kernel through their BMC "
                    + "(needs qemu-system-x86, ipxe, busybox-static, cpio).")
    int qemu;

    @Option(names = "--mirror-port", defaultValue = "8068", description = "Port of the QEMU nodes' boot mirror (default: ${DEFAULT-VALUE}).")
    int mirrorPort;

    @Option(names = "--state-dir", defaultValue = ".racklet/demo",
            description = "Configs, logs and agent state (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Override
    public Integer call() throws InterruptedException {
        DemoOptions options;
        try {
            options = new DemoOptions(Math.max(nodes, qemu), httpPort, mqttPort, stateDir, budgetWatts, qemu, mirrorPort);
        } catch (IllegalArgumentException e) {
            throw new io.racklet.config.ConfigException(e.getMessage());
        }
        System.out.println("Starting a simulated rack of " + nodes + " nodes (state and logs in " + options.stateDir() + ") ...");
        DemoTopology rack = DemoTopology.start(options, Duration.ofSeconds(90));
        CountDownLatch stopped = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping the rack ...");
            rack.close();
            stopped.countDown();
        }, "demo-shutdown"));
        System.out.println();
        System.out.println("  Dashboard:  " + rack.apiUrl() + "/");
        System.out.println("  Log in:     " + readCredentials(rack) + "   (in " + rack.repository().credentials()
                + "; ./racklet uses it to change the rack)");
        System.out.println("  API:        " + rack.apiUrl() + "/api/v1/nodes");
        System.out.println("  MQTT:       mosquitto_sub -h 127.0.0.1 -p " + mqttPort + " -t 'racklet/#' -v");
        System.out.println("  Power:      ./racklet power node-1 off   (or on, cycle, reset, shutdown)");
        System.out.println("  Console:    ./racklet console node-1     (type 'stress' to load the node, 'idle' to stop)");
        System.out.println("  Rack:       ./racklet rack               (fans, temperatures, power budget)");
        if (qemu > 0) {
            System.out.println("  QEMU:       node-1" + (qemu > 1 ? " to node-" + qemu : "") + " boot Debian's kernel, verified by their BMC; "
                    + "./racklet console node-1, ./racklet events");
            System.out.println("              signed boot manifests: " + options.stateDir().resolve("boot/mirror") + " (./racklet boot --help)");
        }
        System.out.println("  Git:        edit " + rack.repository().dir().resolve("rack.yaml") + ", then");
        System.out.println("              git -C " + rack.repository().dir() + " commit -am 'node-1 off'   (signed with the demo admin key)");
        System.out.println("              ./racklet sync               (what each agent applied or refused, and why)");
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
        java.util.Set<String> reported = new java.util.HashSet<>();
        while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
            rack.exited().stream().filter(p -> !stopping.get() && reported.add(p.name())).forEach(p -> System.err.println(
                    "warning: " + p.name() + " exited with code " + p.exitCode() + "; see " + p.log()));
        }
        return Entrypoint.OK;
    }

    /** The demo admin's "user / password", as written to the credentials file (which the CLI also reads). */
    private static String readCredentials(DemoTopology rack) {
        try {
            return java.nio.file.Files.readString(rack.repository().credentials()).strip().replaceFirst(":", " / ");
        } catch (java.io.IOException e) {
            return "see " + rack.repository().credentials();
        }
    }
}
