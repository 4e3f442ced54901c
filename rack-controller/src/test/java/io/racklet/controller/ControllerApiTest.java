package io.racklet.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.racklet.controller.ingest.RackIngest;
import io.racklet.json.Json;
import io.racklet.mqtt.MqttConnection;
import io.racklet.mqtt.MqttSettings;
import io.racklet.net.LoopbackPorts;
import io.racklet.protocol.message.BootState;
import io.racklet.protocol.message.Command;
import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.protocol.message.Messages;
import io.racklet.protocol.message.NodeEvent;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerCommand;
import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.message.PowerTelemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The controller with its embedded broker, fed by a stand-in BMC publishing on the documented
 * topics: the API's view of nodes, the command path, and its answers to bad input.
 */
class ControllerApiTest {
    @TempDir
    static Path dir;
    static ApplicationContext app;
    static MqttConnection bmc;
    static HttpClient http = HttpClient.newHttpClient();
    static String base;
    static final List<PowerCommand> commands = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("rack.yaml"), """
                apiVersion: racklet.io/v1alpha1
                kind: Rack
                metadata: {name: lab}
                spec: {}
                ---
                apiVersion: racklet.io/v1alpha1
                kind: Node
                metadata: {name: alpha}
                spec: {slot: 2}
                ---
                apiVersion: racklet.io/v1alpha1
                kind: Node
                metadata: {name: beta}
                spec: {slot: 1}
                """ + user("root-admin", "admin", ADMIN_PASSWORD, "") + user("tenant", "operator", "tenant-pw", "[alpha]")
                + user("watcher", "viewer", "watch-pw", ""));
        int mqttPort = LoopbackPorts.free();
        ControllerConfig config = new ControllerConfig("lab", new ControllerConfig.Listen("127.0.0.1", 0), null,
                new ControllerConfig.Listen("127.0.0.1", mqttPort), dir.resolve("rack.yaml"), dir.resolve("state"));
        app = ControllerApp.start(config);
        base = "http://127.0.0.1:" + ControllerApp.httpPort(app);
        bmc = new MqttConnection(MqttSettings.of("tcp://127.0.0.1:" + mqttPort), "test-bmc", null, null).start();
        bmc.subscribe("racklet/lab/alpha/commands", 1, (t, p) -> {
            if (Messages.decode(p, Command.class) instanceof PowerCommand c) commands.add(c);
        });
        assertThat(bmc.awaitConnected(Duration.ofSeconds(10))).isTrue();
    }

    @AfterAll
    static void stop() {
        if (bmc != null) bmc.close();
        if (app != null) app.close();
    }

    @Test
    void declaredNodesAreListedBySlotBeforeTheyReport() throws Exception {
        JsonNode nodes = get("/api/v1/nodes").body();
        assertThat(nodes.findValuesAsText("name")).startsWith("beta", "alpha");
        JsonNode beta = get("/api/v1/nodes/beta").body();
        assertThat(beta.path("power").asText()).isEqualTo("unknown");
        assertThat(beta.path("updatedAt").isNull()).isTrue();
    }

    @Test
    void telemetryAndStateFromTheBmcShowInTheApi() throws Exception {
        Instant ts = Instant.now();
        bmc.publish("racklet/lab/alpha/state", Messages.encode(NodeState.of(ts, PowerState.ON, BootState.BOOTED, "ok", "ok", "test")), 1, true);
        bmc.publish("racklet/lab/alpha/telemetry", Messages.encode(PowerTelemetry.of(1, ts, 5.01, 0.6, 3.0)), 1, false);
        JsonNode alpha = await("/api/v1/nodes/alpha", n -> n.path("watts").asDouble() == 3.0);
        assertThat(alpha.path("power").asText()).isEqualTo("on");
        assertThat(Instant.parse(alpha.path("updatedAt").asText())).isEqualTo(ts);
        // an older sample arriving late does not replace a newer one
        bmc.publish("racklet/lab/alpha/telemetry", Messages.encode(PowerTelemetry.of(0, ts.minusSeconds(5), 5, 1, 9.9)), 1, false);
        bmc.publish("racklet/lab/alpha/telemetry", Messages.encode(PowerTelemetry.of(2, ts.plusMillis(1), 5, 0.7, 3.5)), 1, false);
        assertThat(await("/api/v1/nodes/alpha", n -> n.path("watts").asDouble() == 3.5).path("volts").asDouble()).isEqualTo(5.0);
    }

    @Test
    void telemetryHistoryIsServedForATimeRange() throws Exception {
        Instant t0 = Instant.now().minusSeconds(30);
        for (int i = 0; i < 10; i++) {
            bmc.publish("racklet/lab/beta/telemetry", Messages.encode(PowerTelemetry.of(100 + i, t0.plusSeconds(i), 5, 0.5, 2.0 + i)), 1, false);
        }
        String range = "?from=" + t0.minusSeconds(1) + "&to=" + t0.plusSeconds(20) + "&resolution=raw";
        JsonNode h = await("/api/v1/nodes/beta/history" + range, n -> n.path("points").size() >= 10);
        assertThat(h.path("resolution").asText()).isEqualTo("raw");
        assertThat(h.path("points").get(0).path("watts").asDouble()).isEqualTo(2.0);
        assertThat(get("/api/v1/nodes/beta/history?resolution=hourly").status()).isEqualTo(400);
        assertThat(get("/api/v1/nodes/beta/history?from=yesterday").body().path("message").asText()).contains("ISO-8601");
        assertThat(get("/api/v1/nodes/nobody/history").status()).isEqualTo(404);
    }

    @Test
    void malformedPayloadsAreCountedAndDroppedWhileIngestGoesOn() throws Exception {
        RackIngest ingest = app.getBean(RackIngest.class);
        long before = ingest.malformedCount();
        bmc.publish("racklet/lab/beta/telemetry", "not json".getBytes(), 1, false);
        bmc.publish("racklet/lab/beta/telemetry", "{\"v\":2,\"seq\":1,\"ts\":\"2026-01-01T00:00:00Z\",\"volts\":1,\"amps\":1,\"watts\":1}".getBytes(), 1, false);
        bmc.publish("racklet/lab/beta/state", "{\"v\":1}".getBytes(), 1, false);
        bmc.publish("racklet/lab/beta/telemetry", Messages.encode(PowerTelemetry.of(5, Instant.now(), 5, 0.5, 2.5)), 1, false);
        await("/api/v1/nodes/beta", n -> n.path("watts").asDouble() == 2.5);
        assertThat(ingest.malformedCount() - before).isEqualTo(3);
    }

    @Test
    void powerRequestPublishesACommandToTheNodesBmc() throws Exception {
        Response r = post("/api/v1/nodes/alpha/power", "{\"action\":\"cycle\"}");
        assertThat(r.status()).isEqualTo(202);
        String id = r.body().path("command").path("id").asText();
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (commands.stream().noneMatch(c -> c.id().equals(id)) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(commands).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.action().toString()).isEqualTo("cycle");
            assertThat(c.requestedBy()).isEqualTo("api user root-admin");
        });
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET  | /api/v1/nodes/gamma       |                         | 404 | gamma",
        "POST | /api/v1/nodes/gamma/power | {\"action\":\"on\"}     | 404 | gamma",
        "POST | /api/v1/nodes/alpha/power | {\"action\":\"boom\"}   | 400 | boom",
        "POST | /api/v1/nodes/alpha/power | {\"action\":1}          | 400 | action",
        "POST | /api/v1/nodes/alpha/power | {\"action\":\"on\",\"x\":1} | 400 | 'x'",
        "POST | /api/v1/nodes/alpha/power | {\"action\":           | 400 | request body",
        "POST | /api/v1/nodes/alpha/power | []                      | 400 | request body",
        "POST | /api/v1/nodes/alpha/power | {}                      | 400 | action is required",
        "POST | /api/v1/nodes/alpha/power |                         | 400 | empty",
        "GET  | /api/v1/nothing           |                         | 404 | /api/v1/nothing",
        "POST | /api/v1/nodes             | {}                      | 405 | POST",
    })
    void badRequestsGetAClientErrorWithAJsonBody(String method, String path, String body, int status, String mentions)
            throws Exception {
        Response r = method.equals("GET") ? get(path) : post(path, body == null ? "" : body);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.body().path("status").asInt()).isEqualTo(status);
        assertThat(r.body().path("message").asText()).contains(mentions.replace("'", ""));
    }

    @Test
    void redfishEventServiceStreamsRackEventsAsServerSentEvents() throws Exception {
        JsonNode service = get("/redfish/v1/EventService").body();
        assertThat(service.path("ServerSentEventUri").asText()).isEqualTo("/redfish/v1/EventService/SSE");
        assertThat(get("/redfish/v1").body().path("EventService").path("@odata.id").asText()).isEqualTo("/redfish/v1/EventService");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/redfish/v1/EventService/SSE")).GET().build();
        // the response starts with the first event: publish until the stream has one
        var response = http.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
        var seen = response.thenApply(lines -> {
            assertThat(lines.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            return lines.body().filter(l -> l.startsWith("data:") && l.contains("Racklet.1.0.power.overcurrent")).findFirst().orElse("");
        });
        // the stream is open before the event happens: publish until the listener is attached
        for (int i = 0; i < 50 && !seen.isDone(); i++) {
            bmc.publish("racklet/lab/alpha/events", Messages.encode(NodeEvent.of(100 + i, Instant.now(), "power.overcurrent",
                    "power cut", "2.9 A for 200 ms")), 1, false);
            Thread.sleep(100);
        }
        String data = seen.get(10, java.util.concurrent.TimeUnit.SECONDS);
        JsonNode event = Json.json().readTree(data.substring("data:".length()));
        assertThat(event.path("@odata.type").asText()).startsWith("#Event.");
        JsonNode record = event.path("Events").get(0);
        assertThat(record.path("MessageSeverity").asText()).isEqualTo("Critical");
        assertThat(record.path("Message").asText()).contains("alpha", "power cut", "2.9 A");
        assertThat(record.path("OriginOfCondition").path("@odata.id").asText()).isEqualTo("/redfish/v1/Systems/alpha");
    }

    @Test
    void eventsFromBmcsAreKeptAndFilterable() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        bmc.publish("racklet/lab/alpha/events", Messages.encode(NodeEvent.of(1, t0, "power.off", "node powered off", "command 1")), 1, false);
        bmc.publish("racklet/lab/beta/events", Messages.encode(NodeEvent.of(1, t0.plusSeconds(1), "sensor.failed", "gone", "I2C")), 1, false);
        bmc.publish("racklet/lab/alpha/events", Messages.encode(NodeEvent.of(2, t0.plusSeconds(2), "power.on", "node powered on", "command 2")), 1, false);
        await("/api/v1/events?node=alpha&kind=power", list -> list.size() == 2);
        JsonNode alphaPower = get("/api/v1/events?node=alpha&kind=power").body();
        assertThat(alphaPower.findValuesAsText("kind")).containsExactly("power.off", "power.on");
        assertThat(alphaPower.get(0).path("cause").asText()).isEqualTo("command 1");
        assertThat(get("/api/v1/events?kind=sensor").body().findValuesAsText("node")).containsExactly("beta");
        assertThat(get("/api/v1/events?node=alpha&since=2026-01-01T00:00:01Z").body()).hasSize(1);
        assertThat(get("/api/v1/events?limit=1&node=alpha").body().findValuesAsText("kind")).containsExactly("power.on");
        assertThat(get("/api/v1/events?limit=0").status()).isEqualTo(400);
        assertThat(get("/api/v1/events?since=yesterday").body().path("message").asText()).contains("ISO-8601");
    }

    @Test
    void consoleOutputIsTailedAndInputBecomesACommand() throws Exception {
        bmc.publish("racklet/lab/beta/console", Messages.encode(ConsoleChunk.of(1, Instant.now(), "line 1\r\nline 2\r\n")), 1, false);
        bmc.publish("racklet/lab/beta/console", Messages.encode(ConsoleChunk.of(2, Instant.now(), "line 3\r\nlogin: ")), 1, false);
        String tail = "";
        for (int i = 0; i < 100 && !tail.contains("login"); i++) {
            tail = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/nodes/beta/console?tail=2")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Thread.sleep(20);
        }
        assertThat(tail).isEqualTo("line 3\nlogin: \n");
        assertThat(get("/api/v1/nodes/beta/console?tail=zero").status()).isEqualTo(400);
        assertThat(get("/api/v1/nodes/nobody/console").status()).isEqualTo(404);

        Response sent = post("/api/v1/nodes/alpha/console", "{\"data\":\"uname -a\\n\"}");
        assertThat(sent.status()).isEqualTo(202);
        assertThat(post("/api/v1/nodes/alpha/console", "{\"data\":\"\"}").status()).isEqualTo(400);
        assertThat(post("/api/v1/nodes/alpha/console", "{\"data\":\"" + "x".repeat(5000) + "\"}").body()
                .path("message").asText()).contains("longer than");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "GET  | /redfish/v1/Systems/gamma                                |                          | 404 | Base.1.16.ResourceNotFound",
        "GET  | /redfish/v1/Nothing                                      |                          | 404 | Base.1.16.ResourceNotFound",
        "POST | /redfish/v1/Systems/alpha/Actions/ComputerSystem.Reset | {\"ResetType\":       | 400 | Base.1.16.MalformedJSON",
        "POST | /redfish/v1/Systems/alpha/Actions/ComputerSystem.Reset | {}                       | 400 | Base.1.16.ActionParameterMissing",
        "POST | /redfish/v1/Systems/alpha/Actions/ComputerSystem.Reset | {\"ResetType\":\"Nmi\"} | 400 | Base.1.16.ActionParameterValueNotInList",
        "POST | /redfish/v1/Systems/alpha/Actions/ComputerSystem.Reset | {\"ResetType\":1}      | 400 | Base.1.16.ActionParameterValueNotInList",
        "POST | /redfish/v1/Systems/alpha/Actions/ComputerSystem.Reset | {\"ResetType\":\"On\",\"Force\":1} | 400 | Base.1.16.ActionParameterUnknown",
        "POST | /redfish/v1/Systems                                      | {}                       | 405 | Base.1.16.OperationNotAllowed",
    })
    void redfishBadRequestsGetRedfishErrors(String method, String path, String body, int status, String code) throws Exception {
        Response r = method.equals("GET") ? get(path) : post(path, body == null ? "" : body);
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.body().path("error").path("code").asText()).isEqualTo(code);
        assertThat(r.body().path("error").path("@Message.ExtendedInfo").get(0).path("Message").asText()).isNotBlank();
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/openapi.yml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = io.racklet.json.Json.yaml().readTree(r.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("info").path("title").asText()).isEqualTo("racklet-controller");
        assertThat(doc.path("paths").has("/api/v1/nodes/{name}/power")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/events")).isTrue();
        assertThat(doc.path("paths").has("/redfish/v1/Systems/{id}/Actions/ComputerSystem.Reset")).isTrue();
    }

    @Test
    void redfishServiceRootAnswersWithAndWithoutTrailingSlash() throws Exception {
        assertThat(get("/redfish/v1").body().path("Systems").path("@odata.id").asText()).isEqualTo("/redfish/v1/Systems");
        assertThat(get("/redfish/v1/").body().path("@odata.type").asText()).startsWith("#ServiceRoot");
        assertThat(get("/redfish/v1/Systems").body().path("Members@odata.count").asInt()).isEqualTo(2);
    }

    @Test
    void redfishResetSendsThePowerCommand() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/redfish/v1/Systems/alpha/Actions/ComputerSystem.Reset"))
                .header("Content-Type", "application/json").header("Authorization", basic("root-admin", ADMIN_PASSWORD)).POST(HttpRequest.BodyPublishers.ofString("{\"ResetType\":\"PowerCycle\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (commands.stream().noneMatch(c -> "redfish user root-admin".equals(c.requestedBy())) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(commands).anySatisfy(c -> {
            assertThat(c.requestedBy()).isEqualTo("redfish user root-admin");
            assertThat(c.action().toString()).isEqualTo("cycle");
        });
        JsonNode system = get("/redfish/v1/Systems/alpha").body();
        assertThat(system.path("Actions").path("#ComputerSystem.Reset").path("ResetType@Redfish.AllowableValues").toString())
                .contains("On", "ForceOff", "GracefulShutdown", "ForceRestart", "PowerCycle");
    }

    @Test
    void mutationsNeedAPermittedUserOfTheRackSpec() throws Exception {
        int before = commands.size();
        Response anonymous = postAs(null, "/api/v1/nodes/alpha/power", "{\"action\":\"off\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().path("message").asText()).contains("log in");
        assertThat(postAs(basic("root-admin", "wrong"), "/api/v1/nodes/alpha/power", "{\"action\":\"off\"}").status()).isEqualTo(401);
        assertThat(get("/api/v1/nodes").status()).as("reads stay open").isEqualTo(200);
        assertThat(postAs(basic("", ""), "/api/v1/nodes/alpha/power", "{\"action\":\"off\"}").status())
                .as("empty Basic credentials are no login").isEqualTo(401);
        // a tenant operator controls its own node, not its neighbour's; a viewer controls nothing
        Response other = postAs(basic("tenant", "tenant-pw"), "/api/v1/nodes/beta/power", "{\"action\":\"cycle\"}");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().path("message").asText()).contains("tenant", "beta");
        assertThat(postAs(basic("watcher", "watch-pw"), "/api/v1/nodes/alpha/power", "{\"action\":\"on\"}").status()).isEqualTo(403);
        assertThat(postAs(basic("tenant", "tenant-pw"), "/redfish/v1/Systems/beta/Actions/ComputerSystem.Reset",
                "{\"ResetType\":\"ForceOff\"}").status()).isEqualTo(403);
        Thread.sleep(300);
        assertThat(commands).hasSize(before).as("nothing refused reached a BMC");
        Response own = postAs(basic("tenant", "tenant-pw"), "/api/v1/nodes/alpha/power", "{\"action\":\"cycle\"}");
        assertThat(own.status()).isEqualTo(202);
        assertThat(own.body().path("command").path("requestedBy").asText()).isEqualTo("api user tenant");
    }

    @Test
    void failedLoginsAreHeldBackWithGrowingDelays() throws Exception {
        // wrong guesses: refused (401), and from the third on held back (429) for a while that doubles
        for (int i = 0; i < 6; i++) {
            assertThat(postAs(null, "/api/v1/session", "{\"user\":\"watcher\",\"password\":\"guess" + i + "\"}").status()).isIn(401, 429);
        }
        Response held = postAs(null, "/api/v1/session", "{\"user\":\"watcher\",\"password\":\"watch-pw\"}");
        assertThat(held.status()).as("even the right password waits").isEqualTo(429);
        assertThat(held.body().path("message").asText()).contains("try again in");
    }

    @Test
    void redfishSessionsAndAccountsComeFromTheRackSpec() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/redfish/v1/SessionService/Sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"UserName\":\"root-admin\",\"Password\":\"" + ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(201);
        String token = login.headers().firstValue("X-Auth-Token").orElseThrow();
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(postAs("token " + token, "/redfish/v1/Systems/alpha/Actions/ComputerSystem.Reset", "{\"ResetType\":\"On\"}").status())
                .isEqualTo(204);
        assertThat(get("/redfish/v1").body().path("Links").path("Sessions").path("@odata.id").asText()).isEqualTo("/redfish/v1/SessionService/Sessions");
        JsonNode accounts = get("/redfish/v1/AccountService/Accounts").body();
        assertThat(accounts.path("Members@odata.count").asInt()).isEqualTo(3);
        assertThat(get("/redfish/v1/AccountService/Accounts/tenant").body().path("RoleId").asText()).isEqualTo("Operator");
        assertThat(get("/redfish/v1/AccountService/Roles/ReadOnly").body().path("AssignedPrivileges").toString()).contains("Login");
        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(base + location)).header("X-Auth-Token", token)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(postAs("token " + token, "/redfish/v1/Systems/alpha/Actions/ComputerSystem.Reset", "{\"ResetType\":\"On\"}").status())
                .as("the token ended with the session").isEqualTo(401);
    }

    @Test
    void hugeBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        Response r = post("/api/v1/nodes/alpha/power", "{\"action\":\"" + "x".repeat(200_000) + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body().path("message").asText()).contains("too large");
    }

    static final String ADMIN_PASSWORD = "s3cret-admin";

    static String user(String name, String role, String password, String nodes) {
        return "---\napiVersion: racklet.io/v1alpha1\nkind: User\nmetadata: {name: " + name + "}\nspec:\n  role: " + role + "\n"
                + (nodes.isEmpty() ? "" : "  nodes: " + nodes + "\n")
                + "  passwordHash: \"" + io.racklet.controller.auth.PasswordHash.create(password.toCharArray()) + "\"\n";
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    record Response(int status, JsonNode body) {}

    static Response get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** As the rack's admin; {@link #postAs} for others. */
    static Response post(String path, String body) throws Exception {
        return postAs(basic("root-admin", ADMIN_PASSWORD), path, body);
    }

    static Response postAs(String authorization, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) b.header(authorization.startsWith("token ") ? "X-Auth-Token" : "Authorization",
                authorization.startsWith("token ") ? authorization.substring(6) : authorization);
        return send(b.build());
    }

    static Response send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), Json.json().readTree(r.body()));
    }

    static JsonNode await(String path, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = get(path).body();
            if (condition.test(last)) return last;
            Thread.sleep(20);
        }
        throw new AssertionError("not reached on " + path + ": " + last);
    }
}
