package io.racklet.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.cli.demo.DemoOptions;
import io.racklet.cli.demo.DemoTopology;
import io.racklet.json.Json;
import io.racklet.net.LoopbackPorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo topology with real processes (controller with embedded broker, RMC, five BMC agents on
 * the simulated rack): telemetry from every node, power off and on through the API, and the
 * documented topics as seen by a real {@code mosquitto_sub}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonTest {
    static final int NODES = 5;
    @TempDir
    static Path stateDir;
    static DemoTopology rack;
    static ApiClient api;
    static int mqttPort;

    @BeforeAll
    static void startRack() throws Exception {
        mqttPort = LoopbackPorts.free();
        rack = DemoTopology.start(new DemoOptions(NODES, LoopbackPorts.free(), mqttPort, stateDir), Duration.ofSeconds(90));
        api = ApiClient.asDemoAdmin(rack);
    }

    @AfterAll
    static void stopRack() {
        if (rack != null) rack.close();
    }

    @Test
    @Order(1)
    void everyNodeReportsPlausibleTelemetry() throws Exception {
        JsonNode nodes = api.await("/api/v1/nodes", Duration.ofSeconds(60), list -> list.size() == NODES
                && allMatch(list, n -> n.path("power").asText().equals("on") && n.path("watts").asDouble() > 0
                        && fresh(n, Duration.ofSeconds(5))
                        // a whole interval powered: the first one after power-on still averages in the off samples
                        && n.path("wattsMin").asDouble() > 0));
        for (JsonNode n : nodes) {
            assertThat(n.path("volts").asDouble()).as("rail volts of %s", n.path("name")).isBetween(4.75, 5.25);
            assertThat(n.path("watts").asDouble()).as("watts of %s", n.path("name")).isBetween(1.0, 15.0);
            assertThat(n.path("sensor").asText()).isEqualTo("ok");
            assertThat(n.path("online").asBoolean()).isTrue();
        }
        assertThat(nodes.findValuesAsText("name")).containsExactly("node-1", "node-2", "node-3", "node-4", "node-5");
        JsonNode rackSummary = api.await("/api/v1/rack", Duration.ofSeconds(10), r -> r.path("watts").asDouble() > 0);
        assertThat(rackSummary.path("nodes").asInt()).isEqualTo(NODES);
    }

    @Test
    @Order(2)
    void powerOffThroughTheApiCutsTheNodeAndOnRestoresIt() throws Exception {
        ApiClient.Response off = api.post("/api/v1/nodes/node-3/power", "{\"action\":\"off\"}");
        assertThat(off.status()).isEqualTo(202);
        JsonNode node = api.await("/api/v1/nodes/node-3", Duration.ofSeconds(5),
                n -> n.path("power").asText().equals("off") && n.path("watts").asDouble() < 0.1);
        assertThat(node.path("cause").asText()).contains(off.body().path("command").path("id").asText());
        assertThat(rack.world().node("node-3").powered()).as("simulated rail of node-3").isFalse();
        assertThat(rack.world().node("node-2").powered()).as("other nodes untouched").isTrue();

        assertThat(api.post("/api/v1/nodes/node-3/power", "{\"action\":\"on\"}").status()).isEqualTo(202);
        api.await("/api/v1/nodes/node-3", Duration.ofSeconds(5),
                n -> n.path("power").asText().equals("on") && n.path("watts").asDouble() > 0);
    }

    @Test
    @Order(3)
    void badRequestsGetJsonErrors() throws Exception {
        ApiClient.Response unknown = api.get("/api/v1/nodes/node-99");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("message").asText()).contains("node-99");
        ApiClient.Response bad = api.post("/api/v1/nodes/node-1/power", "{\"action\":\"explode\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("message").asText()).contains("explode");
        assertThat(rack.world().node("node-1").powered()).isTrue();
    }

    @Test
    @Order(4)
    void consoleShowsTheBootAndTheReadyMarkerMarksTheNodeBooted() throws Exception {
        JsonNode node = api.await("/api/v1/nodes/node-1", Duration.ofSeconds(60),
                n -> n.path("boot").asText().equals("booted"));
        assertThat(node.path("console").asText()).isEqualTo("ok");
        // the state change may overtake the console chunk that carried the marker: give it a moment
        String console = "";
        for (int i = 0; i < 50 && !console.contains("login:"); i++) {
            console = api.getText("/api/v1/nodes/node-1/console?tail=50");
            Thread.sleep(100);
        }
        assertThat(console).contains("Booting Linux", "racklet-node ready", "node-1 login:");
        JsonNode events = api.get("/api/v1/events?node=node-1&kind=node.booted").body();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("cause").asText()).contains("ready marker");
        assertThat(api.get("/api/v1/nodes/node-1").body().path("energyWh").asDouble()).isPositive();
    }

    @Test
    @Order(5)
    void mosquittoSubSeesTheDocumentedTopics() throws Exception {
        // a power change and console input while we listen, so that events and console show too
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(mqttPort),
                "-t", "racklet/#", "-v", "-W", "4").redirectErrorStream(true).start();
        Thread.sleep(700);
        api.post("/api/v1/nodes/node-5/power", "{\"action\":\"cycle\"}");
        api.post("/api/v1/nodes/node-1/console", "{\"data\":\"hostname\\n\"}");
        List<String> topics = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(sub.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("Timed out")) continue; // mosquitto_sub's own note on -W
                topics.add(line.split(" ", 2)[0]);
            }
        }
        assertThat(sub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(topics).contains(
                "racklet/demo/node-1/telemetry", "racklet/demo/node-1/state", "racklet/demo/node-1/availability",
                "racklet/demo/node-5/events", "racklet/demo/node-5/commands", "racklet/demo/node-1/console",
                "racklet/demo/rmc/telemetry", "racklet/demo/rmc/availability", "racklet/demo/controller/availability",
                "racklet/demo/node-1/sync", "racklet/demo/rmc/sync", "racklet/demo/controller/sync");
        assertThat(topics).allMatch(t -> t.matches("racklet/demo/[a-z0-9-]+/(telemetry|state|events|console|commands|availability|sync)"));
    }

    @Test
    @Order(6)
    void metricsPassPromtoolAndHomeAssistantSeesDiscoveryConfigs() throws Exception {
        java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(rack.apiUrl() + "/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("racklet_node_power_watts{node=\"node-1\"}", "racklet_node_energy_joules_total",
                "racklet_fan_speed_rpm{fan=\"fan-1\"}");
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(metrics.body().getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String lint = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool says: %s", lint).isZero();

        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(mqttPort),
                "-t", "homeassistant/#", "-v", "-W", "3").redirectErrorStream(true).start();
        String configs = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(configs).contains("homeassistant/switch/racklet_demo_node_1/power/config",
                "homeassistant/sensor/racklet_demo_node_1/energy/config", "\"state_class\":\"total_increasing\"",
                "homeassistant/sensor/racklet_demo_rack/fan_1/config", "\"availability_topic\":\"racklet/demo/node-1/availability\"");

        // Home Assistant's switch turns node-2 off through its own command topic
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(mqttPort),
                "-t", "racklet-ha/demo/node-2/power/set", "-m", "OFF").start();
        assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        JsonNode off = api.await("/api/v1/nodes/node-2", Duration.ofSeconds(5), n -> n.path("power").asText().equals("off"));
        assertThat(off.path("cause").asText()).contains("home assistant");
    }

    @Test
    @Order(7)
    void aStandardRedfishClientListsNodesReadsPowerAndResetsANode() throws Exception {
        String host = rack.apiUrl().replace("http://", "");
        String systems = run("redfishtool", "-r", host, "-S", "Never", "Systems");
        assertThat(systems).contains("/redfish/v1/Systems/node-1", "/redfish/v1/Systems/node-5", "\"Members@odata.count\": 5");
        String power = run("redfishtool", "-r", host, "-S", "Never", "raw", "GET", "/redfish/v1/Chassis/node-4/Sensors/Power");
        assertThat(power).contains("\"ReadingUnits\": \"W\"");
        assertThat(Json.json().readTree(power).path("Reading").asDouble()).isPositive();
        // without credentials the reset is refused and the node stays on
        Process anonymous = new ProcessBuilder("redfishtool", "-r", host, "-S", "Never", "-I", "node-4", "Systems", "reset", "ForceOff")
                .redirectErrorStream(true).start();
        anonymous.getInputStream().readAllBytes();
        assertThat(anonymous.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(anonymous.exitValue()).as("redfishtool without a login").isNotZero();
        assertThat(rack.world().node("node-4").powered()).isTrue();
        // with the demo admin's login, through a Redfish session (SessionService)
        String[] login = java.nio.file.Files.readString(rack.repository().credentials()).strip().split(":", 2);
        run("redfishtool", "-r", host, "-S", "Never", "-A", "Session", "-u", login[0], "-p", login[1], "-I", "node-4", "Systems", "reset", "ForceOff");
        api.await("/api/v1/nodes/node-4", Duration.ofSeconds(5), n -> n.path("power").asText().equals("off"));
        assertThat(run("redfishtool", "-r", host, "-S", "Never", "-I", "node-4", "Systems", "get")).contains("\"PowerState\": \"Off\"");
        // a Redfish error for an unknown reset type, never a 500
        ApiClient.Response bad = api.post("/redfish/v1/Systems/node-4/Actions/ComputerSystem.Reset", "{\"ResetType\":\"Explode\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("error").path("code").asText()).isEqualTo("Base.1.16.ActionParameterValueNotInList");
    }

    @Test
    @Order(8)
    void theDashboardShowsTheRackLiveInChromium() throws Exception {
        Path shots = Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(shots);
        Path profile = java.nio.file.Files.createTempDirectory(stateDir, "chromium");
        List<String> chromium = List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,1000", "--virtual-time-budget=4000");
        List<String> dump = new ArrayList<>(chromium);
        dump.addAll(List.of("--dump-dom", rack.apiUrl() + "/"));
        Process p = new ProcessBuilder(dump).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // what the page's script drew from the live API, not the static HTML
        assertThat(dom).contains("data-node=\"node-1\"", "data-node=\"node-5\"", "Cooling: pid", "fan-1", "hot-air",
                "nodes on", "class=\"kind\">power.on", "Desired state: commit", "signed by demo-admin", "class=\"badge commit\"");
        // not logged in: a login form, and no power buttons
        assertThat(dom).contains("id=\"login\"", "Log in").doesNotContain(">cycle</button>");
        List<String> shot = new ArrayList<>(chromium);
        shot.addAll(List.of("--screenshot=" + shots.resolve("dashboard.png").toAbsolutePath(), rack.apiUrl() + "/"));
        Process s = new ProcessBuilder(shot).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(s.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.nio.file.Files.size(shots.resolve("dashboard.png"))).isGreaterThan(20_000);

        // one node in detail: its live chart streams, so wait by wall time rather than for idle
        List<String> detail = new ArrayList<>(chromium.subList(0, chromium.size() - 1));
        detail.addAll(List.of("--timeout=6000", "--dump-dom", rack.apiUrl() + "/?node=node-1"));
        Process d = new ProcessBuilder(detail).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String detailDom = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(d.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // the page is dumped at load, before its fetches answer: the console's text shows in the screenshot
        assertThat(detailDom).contains("node-1: power over the last 10 minutes", "<canvas id=\"chart\"");
        assertThat(detailDom).doesNotContain("<section id=\"detail\" class=\"panel\" aria-label=\"Node detail\" hidden");
        List<String> detailShot = new ArrayList<>(chromium.subList(0, chromium.size() - 1));
        detailShot.addAll(List.of("--timeout=6000", "--screenshot=" + shots.resolve("node-detail.png").toAbsolutePath(),
                rack.apiUrl() + "/?node=node-1"));
        Process ds = new ProcessBuilder(detailShot).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(ds.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s said: %s", String.join(" ", command), out).isZero();
        return out;
    }

    static boolean allMatch(JsonNode list, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode n : list) {
            if (!p.test(n)) return false;
        }
        return true;
    }

    private static boolean fresh(JsonNode node, Duration maxAge) {
        String ts = node.path("updatedAt").asText(null);
        return ts != null && Duration.between(Instant.parse(ts), Instant.now()).compareTo(maxAge) < 0;
    }
}
