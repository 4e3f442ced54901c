package io.racklet.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.config.Entrypoint;
import io.racklet.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code racklet status}: the rack at a glance. Exit 1 when a node's BMC is offline or a sensor failed. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The rack at a glance: nodes on and off, draw and budget, cooling.",
                "Exits 1 when a BMC is offline, a power monitor failed or cooling is in failsafe."})
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    ControllerOptions controller = new ControllerOptions();

    @Override
    public Integer call() throws Exception {
        ControllerClient client = controller.client();
        JsonNode nodes = client.get("api/v1/nodes");
        JsonNode rack = client.get("api/v1/rack");
        int on = 0, offline = 0, failed = 0;
        for (JsonNode n : nodes) {
            if (n.path("power").asText().equals("on")) on++;
            if (!n.path("online").asBoolean()) offline++;
            if (n.path("sensor").asText().equals("failed")) failed++;
        }
        boolean failsafe = rack.path("zone").path("mode").asText().equals("failsafe");
        boolean healthy = offline == 0 && failed == 0 && !failsafe;
        if (controller.json()) {
            var out = Json.json().createObjectNode();
            out.put("rack", rack.path("name").asText());
            out.put("nodes", nodes.size());
            out.put("on", on);
            out.put("bmcOffline", offline);
            out.put("sensorsFailed", failed);
            out.set("watts", rack.path("watts"));
            out.set("budgetWatts", rack.path("budgetWatts"));
            out.put("cooling", rack.path("zone").path("mode").asText("unknown"));
            out.put("healthy", healthy);
            System.out.println(out.toPrettyString());
        } else {
            System.out.printf("rack %s: %d of %d nodes on, draw %s W%s, cooling %s%n", rack.path("name").asText(), on,
                    nodes.size(), rack.path("watts").isNumber() ? String.format("%.1f", rack.path("watts").asDouble()) : "-",
                    rack.path("budgetWatts").isNumber() ? String.format(" of %.0f W budget", rack.path("budgetWatts").asDouble()) : "",
                    rack.path("zone").path("mode").asText("unknown"));
            if (offline > 0) System.out.println("  " + offline + " BMC(s) offline");
            if (failed > 0) System.out.println("  " + failed + " power monitor(s) failed");
            if (failsafe) System.out.println("  cooling in failsafe: " + rack.path("zone").path("cause").asText());
            System.out.println(healthy ? "healthy" : "needs attention");
        }
        return healthy ? Entrypoint.OK : Entrypoint.FAILED;
    }
}
