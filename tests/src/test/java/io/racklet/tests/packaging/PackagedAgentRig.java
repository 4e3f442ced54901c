package io.racklet.tests.packaging;

import io.racklet.mqtt.EmbeddedBroker;
import io.racklet.mqtt.MqttConnection;
import io.racklet.mqtt.MqttSettings;
import io.racklet.net.LoopbackPorts;
import io.racklet.protocol.topic.TopicKind;
import io.racklet.protocol.topic.Topics;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.RmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.link.WorldServer;
import io.racklet.sim.pi4j.SimPlugin;
import io.racklet.time.SystemScheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A packaged agent (its .deb's jars, JVM options and default configuration) running as its own
 * process against a simulated rack and an embedded broker on loopback, as on a Pi but with the
 * simulator's plugin added to its class path.
 */
public final class PackagedAgentRig implements AutoCloseable {
    public static final String RACK = "sim";
    private final Path dir;
    private final SystemScheduler clock = new SystemScheduler("sim-world");
    private final SimRack world;
    private final WorldServer server;
    private final EmbeddedBroker broker;
    private final MqttConnection subscriber;
    private final Map<String, Path> roots = new HashMap<>();
    private final String simulator;

    public PackagedAgentRig(Path dir) throws Exception {
        this.dir = dir;
        world = new SimRack(clock, RmcWiring.DEFAULT, dir.resolve("w1"));
        world.addNode("node-1", BmcWiring.DEFAULT, 1);
        world.attachConsole("node-1", dir.resolve("node-1.tty"));
        world.startPhysics();
        server = WorldServer.start(dir.resolve("world.sock"), world::board);
        simulator = Packages.simulatorJar(dir);
        broker = EmbeddedBroker.start("127.0.0.1", LoopbackPorts.free());
        subscriber = new MqttConnection(MqttSettings.of(broker.url()), "rig-subscriber", null, null).start();
        if (!subscriber.awaitConnected(Duration.ofSeconds(10))) throw new IOException("rig subscriber did not connect");
    }

    public SimRack world() {
        return world;
    }

    /** The agent's package, unpacked once. */
    public Path root(String pkg) throws Exception {
        Path r = roots.get(pkg);
        if (r == null) {
            r = Packages.extract(pkg, dir.resolve("pkg"));
            roots.put(pkg, r);
        }
        return r;
    }

    /** The package's default configuration with a rack, a node, the broker and simulated devices filled in. */
    public Path config(String pkg) throws Exception {
        Path root = root(pkg);
        String mqtt = "mqtt: {url: \"" + broker.url() + "\"}\n";
        Path config = dir.resolve(pkg + ".yaml");
        String yaml = pkg.equals("racklet-bmc")
                ? "rack: " + RACK + "\nnode: node-1\n" + mqtt + Files.readString(root.resolve("etc/racklet/bmc.yaml"))
                        .replace("/dev/serial0", dir.resolve("node-1.tty").toString())
                        .replace("/var/lib/racklet/bmc", dir.resolve("state-bmc").toString())
                : "rack: " + RACK + "\n" + mqtt + Files.readString(root.resolve("etc/racklet/rmc.yaml"))
                        .replace("/var/lib/racklet/rmc", dir.resolve("state-rmc").toString());
        Files.writeString(config, yaml);
        return config;
    }

    /** A future completed with System.nanoTime() at the agent's first telemetry message. */
    public CompletableFuture<Long> firstTelemetry(String node) {
        CompletableFuture<Long> first = new CompletableFuture<>();
        subscriber.subscribe(Topics.topic(RACK, node, TopicKind.TELEMETRY), 0, (t, p) -> first.complete(System.nanoTime()));
        return first;
    }

    /** Starts the packaged agent; {@code extraJvm} go after the package's own options. */
    public Process start(String pkg, List<String> extraJvm, Map<String, String> env, Path log) throws Exception {
        String main = pkg.equals("racklet-bmc") ? "io.racklet.bmc.Main" : "io.racklet.rmc.Main";
        List<String> cmd = new ArrayList<>(Packages.java(root(pkg), pkg, main, simulator, "--config",
                config(pkg).toString()));
        cmd.addAll(1, extraJvm);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put(SimPlugin.WORLD_ENV, server.socket().toString());
        pb.environment().put(SimPlugin.BOARD_ENV, pkg.equals("racklet-bmc") ? "node-1" : Topics.RMC);
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Resident set size of a live process, from /proc. */
    public static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", ""));
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** SIGTERM, as systemd stops a unit; then waits. */
    public static int stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        return p.exitValue();
    }

    @Override
    public void close() {
        subscriber.close();
        broker.close();
        server.close();
        world.close();
        clock.close();
    }
}
