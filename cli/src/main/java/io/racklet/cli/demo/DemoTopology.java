package io.racklet.cli.demo;

import io.racklet.boot.serve.BootEndpoint;
import io.racklet.cli.spec.RackTemplate;
import io.racklet.config.ConfigException;
import io.racklet.sim.qemu.QemuSettings;
import io.racklet.json.Json;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.RmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.console.NodeConsole;
import io.racklet.sim.link.WorldServer;
import io.racklet.sim.pi4j.SimPlugin;
import io.racklet.time.SystemScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole simulated rack: the physical world (in this process, served to agents over a Unix
 * socket), the controller with its embedded broker, one RMC and a BMC per node, each in its own
 * process with a generated configuration file. Used by {@code racklet demo} and the end-to-end tests.
 */
public final class DemoTopology implements AutoCloseable {
    public static final String RACK = "demo";
    private static final String BMC_MAIN = "io.racklet.bmc.Main";
    private static final String RMC_MAIN = "io.racklet.rmc.Main";
    private static final String CONTROLLER_MAIN = "io.racklet.controller.Main";

    private final DemoOptions options;
    private final SystemScheduler clock = new SystemScheduler("sim-world");
    private final SimRack world;
    private final WorldServer worldServer;
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();
    private final DemoRepository repository;
    private final DemoBootImage bootImage;
    private final Map<String, Integer> bootPorts = new LinkedHashMap<>();

    private DemoTopology(DemoOptions options) {
        this.options = options;
        this.repository = new DemoRepository(options.stateDir());
        this.bootImage = options.qemu() > 0 ? DemoBootImage.prepare(options.stateDir(), options.mirrorPort()) : null;
        this.world = new SimRack(clock, RmcWiring.DEFAULT, oneWireDir());
        for (int i = 1; i <= options.nodes(); i++) {
            if (i <= options.qemu()) {
                // a real machine: its rail starts QEMU, which network-boots from its BMC's endpoint
                int port = io.racklet.net.LoopbackPorts.free();
                bootPorts.put(nodeName(i), port);
                world.addQemuNode(nodeName(i), BmcWiring.DEFAULT, i, new QemuSettings(URI.create("http://127.0.0.1:" + port
                        + BootEndpoint.SCRIPT_PATH), options.stateDir().resolve("sim/qemu")), consoleDevice(nodeName(i)));
                continue;
            }
            world.addNode(nodeName(i), BmcWiring.DEFAULT, i);
            try {
                world.attachConsole(nodeName(i), consoleDevice(nodeName(i)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the simulated console of " + nodeName(i), e);
            }
        }
        world.startPhysics();
        this.worldServer = WorldServer.start(options.stateDir().resolve("sim/world.sock"), world::board);
    }

    /** Where the simulated DS18B20 appears, as /sys/bus/w1/devices does on a Pi. */
    private Path oneWireDir() {
        return options.stateDir().resolve("sim/w1/devices");
    }

    /** The node's console as its BMC opens it: a link to the simulator's pseudo-terminal. */
    private Path consoleDevice(String node) {
        return options.stateDir().resolve("sim").resolve(node + ".tty");
    }

    public static String nodeName(int i) {
        return "node-" + i;
    }

    /** Writes configuration, starts every process and waits until the controller answers. */
    public static DemoTopology start(DemoOptions options, Duration readyTimeout) throws InterruptedException {
        requireFree(options.httpPort(), "--http-port");
        requireFree(options.mqttPort(), "--mqtt-port");
        DemoTopology t = new DemoTopology(options);
        try {
            t.writeConfigs();
            // the controller (and its broker) first: agents then find it subscribed, so nothing
            // they report at start (power.on, bmc.started) is lost to it
            t.launchController();
            t.awaitController(readyTimeout);
            t.launchAgents();
            return t;
        } catch (RuntimeException | InterruptedException e) {
            t.close();
            throw e;
        }
    }

    public SimRack world() {
        return world;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + options.httpPort();
    }

    /** The QEMU nodes' signed boot image and mirror, or null without --qemu. */
    public DemoBootImage bootImage() {
        return bootImage;
    }

    public DemoRepository repository() {
        return repository;
    }

    public String brokerUrl() {
        return "tcp://127.0.0.1:" + options.mqttPort();
    }

    public ChildProcess process(String name) {
        return processes.get(name);
    }

    public List<ChildProcess> processes() {
        return List.copyOf(processes.values());
    }

    private Path configDir() {
        return options.stateDir().resolve("config");
    }

    private void writeConfigs() {
        Path dir = configDir();
        String mqtt = "{url: \"tcp://127.0.0.1:" + options.mqttPort() + "\"}";
        repository.prepare(options.nodes(), options.budgetWatts(), options.httpPort(), bootImage == null ? null
                : new RackTemplate.Boot(DemoBootImage.PROFILE, bootImage.manifestUrl().toString(), bootImage.publicKey(), options.qemu()));
        String sync = "{remote: %s, interval: 10s, trust: {allowedSigners: %s}}".formatted(quote(repository.remote()),
                quote(repository.allowedSigners()));
        write(dir.resolve("controller.yaml"), """
                rack: demo
                http: {host: 127.0.0.1, port: %d}
                broker: {host: 127.0.0.1, port: %d}
                sync: %s
                stateDir: %s
                """.formatted(options.httpPort(), options.mqttPort(), sync, quote(options.stateDir().resolve("controller"))));
        RmcWiring r = RmcWiring.DEFAULT;
        StringBuilder fans = new StringBuilder();
        for (int i = 0; i < r.fans().size(); i++) {
            RmcWiring.Fan f = r.fans().get(i);
            fans.append("  - {name: fan-").append(i + 1).append(", pwm: ").append(f.pwmChannel()).append(", tach: ")
                    .append(f.tachLine()).append(", pulsesPerRev: ").append(f.pulsesPerRev()).append(", maxRpm: ")
                    .append(f.maxRpm()).append("}\n");
        }
        write(dir.resolve("rmc.yaml"), """
                rack: demo
                mqtt: %s
                sync: %s
                fans:
                %ssensors:
                  - {name: hot-air, chip: tmp102, bus: %d, address: %d}
                  - {name: exhaust, chip: tmp117, bus: %d, address: %d}
                  - {name: intake, chip: ds18b20, serial: "%s", path: %s, zone: false}
                stateDir: %s
                """.formatted(mqtt, sync, fans, r.i2cBus(), r.tmp102Address(),
                r.i2cBus(), r.tmp117Address(), r.ds18b20Serial(), quote(oneWireDir()), quote(options.stateDir().resolve("rmc"))));
        BmcWiring w = BmcWiring.DEFAULT;
        for (int i = 1; i <= options.nodes(); i++) {
            String node = nodeName(i);
            write(dir.resolve(node + ".yaml"), """
                    rack: demo
                    node: %s
                    mqtt: %s
                    power:
                      enableLine: %d
                      activeHigh: %s
                      resetLine: %d
                      shutdownLine: %d
                      # after a restart, as before it; the signed rack spec switches nodes on at first sync
                      restorePolicy: last-state
                    monitor: {chip: %s, bus: %d, address: %d, shuntOhms: %s}
                    console: {device: %s, readyMarker: "%s"}
                    thermometer: {chip: tmp102, bus: %d, address: %d}
                    sync: %s
                    stateDir: %s
                    %s""".formatted(node, mqtt, w.enableLine(), w.enableActiveHigh(), w.resetLine(), w.shutdownLine(),
                    w.monitor().name().toLowerCase(), w.i2cBus(), w.monitorAddress(), w.shuntOhms(),
                    quote(consoleDevice(node)), NodeConsole.READY_MARKER, w.i2cBus(), w.thermometerAddress(), sync,
                    quote(options.stateDir().resolve("bmc").resolve(node)),
                    bootPorts.containsKey(node) ? "boot: {host: 127.0.0.1, port: " + bootPorts.get(node) + "}\n" : ""));
        }
    }

    private Path logs() {
        return options.stateDir().resolve("logs");
    }

    private void launchController() {
        add(new ChildProcess("controller", ChildProcess.CONTROLLER_JVM, CONTROLLER_MAIN,
                configDir().resolve("controller.yaml"), Map.of(), logs())).start();
    }

    private void launchAgents() {
        add(new ChildProcess("rmc", ChildProcess.AGENT_JVM, RMC_MAIN, configDir().resolve("rmc.yaml"),
                simEnv("rmc"), logs())).start();
        for (int i = 1; i <= options.nodes(); i++) {
            String node = nodeName(i);
            add(new ChildProcess(node, ChildProcess.AGENT_JVM, BMC_MAIN, configDir().resolve(node + ".yaml"),
                    simEnv(node), logs())).start();
        }
    }

    /** What makes an agent's Pi4J find its simulated board: the agent itself never looks. */
    private Map<String, String> simEnv(String board) {
        return Map.of(SimPlugin.WORLD_ENV, worldServer.socket().toString(), SimPlugin.BOARD_ENV, board);
    }

    private ChildProcess add(ChildProcess p) {
        processes.put(p.name(), p);
        return p;
    }

    private void awaitController(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long end = System.nanoTime() + timeout.toNanos();
        ChildProcess controller = processes.get("controller");
        while (System.nanoTime() < end) {
            if (!controller.isAlive()) {
                throw new ConfigException("the controller exited with code " + controller.exitCode() + "; see " + controller.log());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/v1/nodes"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new ConfigException("the controller did not answer within " + timeout.toSeconds() + " s; see " + controller.log());
    }

    /** Processes that have exited although nobody stopped them. */
    public List<ChildProcess> exited() {
        List<ChildProcess> out = new ArrayList<>();
        processes.values().forEach(p -> {
            if (p.exitCode() != null) out.add(p);
        });
        return out;
    }

    private static void requireFree(int port, String option) {
        if (port == 0) return;
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new ConfigException("port " + port + " on 127.0.0.1 is in use; choose another with " + option);
        }
    }

    private static String quote(Object pathOrText) {
        try {
            return Json.json().writeValueAsString(pathOrText.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Stops agents first, then the controller (and its broker), then the world. */
    @Override
    public void close() {
        List<ChildProcess> reversed = new ArrayList<>(processes.values());
        java.util.Collections.reverse(reversed);
        reversed.parallelStream().filter(p -> !p.name().equals("controller")).forEach(ChildProcess::stop);
        ChildProcess controller = processes.get("controller");
        if (controller != null) controller.stop();
        worldServer.close();
        world.close();
        if (bootImage != null) bootImage.close();
        clock.close();
    }
}
