package io.racklet.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.config.Entrypoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code racklet rack}: power budget, cooling, fans and temperatures. */
@Command(name = "rack", mixinStandardHelpOptions = true, description = "Show the rack: power draw and budget, cooling, fans, temperatures.")
public final class RackCommand implements Callable<Integer> {
    @Mixin
    ControllerOptions controller = new ControllerOptions();

    @Override
    public Integer call() {
        JsonNode r = controller.client().get("api/v1/rack");
        if (controller.json()) {
            System.out.println(r.toPrettyString());
            return Entrypoint.OK;
        }
        System.out.printf("rack %s: %d nodes, draw %s W, budget %s W, headroom %s W%s%n", r.path("name").asText(),
                r.path("nodes").asInt(), num(r.path("watts")), num(r.path("budgetWatts")), num(r.path("headroomWatts")),
                r.path("queued").isEmpty() ? "" : ", waiting to power on: " + r.path("queued"));
        JsonNode z = r.path("zone");
        System.out.printf("cooling: %s at %s C (target %s C) - %s%n", z.path("mode").asText("-"), num(z.path("celsius")),
                num(z.path("targetCelsius")), z.path("cause").asText(""));
        for (JsonNode f : r.path("fans")) {
            System.out.printf("  fan %-8s %5.1f %% duty %6.0f RPM  %s%n", f.path("name").asText(), f.path("duty").asDouble(),
                    f.path("rpm").asDouble(), f.path("status").asText());
        }
        for (JsonNode s : r.path("sensors")) {
            System.out.printf("  sensor %-8s %6s C  %s%n", s.path("name").asText(), num(s.path("celsius")), s.path("status").asText());
        }
        return Entrypoint.OK;
    }

    private static String num(JsonNode n) {
        return n.isNumber() ? String.format("%.1f", n.asDouble()) : "-";
    }
}
