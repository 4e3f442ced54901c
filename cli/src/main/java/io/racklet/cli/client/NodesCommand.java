package io.racklet.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.config.Entrypoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code racklet nodes}: the rack's nodes as a table. */
@Command(name = "nodes", mixinStandardHelpOptions = true, description = "List the rack's nodes with power and watts.")
public final class NodesCommand implements Callable<Integer> {
    @Mixin
    ControllerOptions controller = new ControllerOptions();

    @Override
    public Integer call() {
        JsonNode nodes = controller.client().get("api/v1/nodes");
        if (controller.json()) {
            System.out.println(nodes.toPrettyString());
            return Entrypoint.OK;
        }
        System.out.printf("%-4s %-16s %-6s %-8s %8s %7s %10s %6s  %-7s %s%n",
                "SLOT", "NODE", "POWER", "BOOT", "WATTS", "VOLTS", "ENERGY Wh", "TEMP", "SENSOR", "UPDATED");
        for (JsonNode n : nodes) {
            System.out.printf("%-4s %-16s %-6s %-8s %8.2f %7.2f %10.4f %6s  %-7s %s%n", n.path("slot").asText("-"),
                    n.path("name").asText(), n.path("power").asText(), n.path("boot").asText(), n.path("watts").asDouble(),
                    n.path("volts").asDouble(), n.path("energyWh").asDouble(),
                    n.path("celsius").isNumber() ? String.format("%.1f", n.path("celsius").asDouble()) : "-",
                    n.path("sensor").asText(), n.path("updatedAt").asText("-"));
        }
        return Entrypoint.OK;
    }
}
