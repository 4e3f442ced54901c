package io.racklet.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.config.Entrypoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code racklet events}: the rack's recent events. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Show the rack's recent events, oldest first.")
public final class EventsCommand implements Callable<Integer> {
    @Mixin
    ControllerOptions controller = new ControllerOptions();

    @Option(names = "--node", description = "Only this node's events.")
    String node;

    @Option(names = "--kind", description = "Only kinds starting with this, e.g. power or sensor.failed.")
    String kind;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        StringBuilder q = new StringBuilder("api/v1/events?limit=").append(limit);
        if (node != null) q.append("&node=").append(URLEncoder.encode(node, StandardCharsets.UTF_8));
        if (kind != null) q.append("&kind=").append(URLEncoder.encode(kind, StandardCharsets.UTF_8));
        JsonNode events = controller.client().get(q.toString());
        if (controller.json()) {
            System.out.println(events.toPrettyString());
            return Entrypoint.OK;
        }
        for (JsonNode e : events) {
            System.out.printf("%s  %-8s %-20s %s  (cause: %s)%n", e.path("ts").asText(), e.path("node").asText(),
                    e.path("kind").asText(), e.path("message").asText(), e.path("cause").asText());
        }
        return Entrypoint.OK;
    }
}
