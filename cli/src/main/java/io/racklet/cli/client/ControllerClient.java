package io.racklet.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.config.ConfigException;
import io.racklet.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to a running controller's API; failures become one-line messages for the user. */
public final class ControllerClient {
    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ControllerClient(String baseUrl) {
        this(baseUrl, null);
    }

    /** @param authorization an HTTP Authorization header value, or null */
    public ControllerClient(String baseUrl, String authorization) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.authorization = authorization;
    }

    public URI base() {
        return base;
    }

    /** A plain-text resource (e.g. console history). */
    public String getText(String path) {
        HttpRequest r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = exchange(r);
        if (response.statusCode() >= 400) {
            throw new ConfigException(errorMessage(response));
        }
        return response.body();
    }

    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public JsonNode post(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.json().writeValueAsBytes(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpRequest r = request.timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = exchange(r);
        if (response.statusCode() >= 400) {
            throw new ConfigException(errorMessage(response));
        }
        try {
            return Json.json().readTree(response.body());
        } catch (IOException e) {
            throw new ConfigException(r.uri() + ": answer is not JSON (HTTP " + response.statusCode() + ")");
        }
    }

    private HttpResponse<String> exchange(HttpRequest r) {
        if (authorization != null) r = HttpRequest.newBuilder(r, (name, value) -> true).header("Authorization", authorization).build();
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConfigException("cannot reach the controller at " + base + " (" + e.getClass().getSimpleName()
                    + "); is it running? Use --url to point elsewhere");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted");
        }
    }

    /** The API's error message, or the HTTP status when the answer has none. */
    private static String errorMessage(HttpResponse<String> response) {
        try {
            return Json.json().readTree(response.body()).path("message").asText("HTTP " + response.statusCode());
        } catch (IOException e) {
            return "HTTP " + response.statusCode();
        }
    }
}
