package io.racklet.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A test's view of the controller's HTTP API, with bounded polling for eventual conditions. */
final class ApiClient {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String authorization;

    /** Anonymous: reads only. */
    ApiClient(String base) {
        this(base, null);
    }

    ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** As the demo's admin, with the credentials the demo wrote. */
    static ApiClient asDemoAdmin(io.racklet.cli.demo.DemoTopology rack) throws IOException {
        String credentials = java.nio.file.Files.readString(rack.repository().credentials()).strip();
        return new ApiClient(rack.apiUrl(), "Basic " + java.util.Base64.getEncoder().encodeToString(
                credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    record Response(int status, JsonNode body) {}

    Response get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String getText(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
        if (authorization != null) b.header("Authorization", authorization);
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), Json.json().readTree(r.body()));
    }

    /** Polls GET {@code path} until {@code condition} holds or {@code timeout} passes; returns the last body. */
    JsonNode await(String path, Duration timeout, Predicate<JsonNode> condition) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = get(path).body();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + timeout.toSeconds() + " s on " + path + "; last: " + last);
    }
}
