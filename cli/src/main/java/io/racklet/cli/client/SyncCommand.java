package io.racklet.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.config.Entrypoint;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code racklet sync}: each agent's view of the signed rack repository. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Each agent's applied commit, its signer, and the last refusal with its reason.",
                "Exits 1 when an agent refused the remote's head or cannot fetch it."})
public final class SyncCommand implements Callable<Integer> {
    @Mixin
    ControllerOptions controller = new ControllerOptions();

    @Option(names = "--now", description = "Fetch now (every agent) before reporting.")
    boolean now;

    @Override
    public Integer call() {
        ControllerClient client = controller.client();
        JsonNode report = now ? client.post("api/v1/sync", java.util.Map.of()) : client.get("api/v1/sync");
        boolean healthy = true;
        for (JsonNode a : report.path("agents")) {
            if (!a.path("error").isNull() && !a.path("error").isMissingNode()) healthy = false;
        }
        if (controller.json()) {
            System.out.println(report.toPrettyString());
        } else if (!report.path("enabled").asBoolean()) {
            System.out.println("the controller follows no rack repository");
        } else {
            for (JsonNode a : report.path("agents")) {
                System.out.printf("%-12s applied %s by %s%s%n", a.path("agent").asText(), shortId(a.path("applied").asText("-")),
                        a.path("signer").asText("-"), a.path("error").isTextual()
                                ? "\n             refused " + shortId(a.path("refused").asText("-")) + ": " + a.path("error").asText() : "");
            }
        }
        return healthy ? Entrypoint.OK : Entrypoint.FAILED;
    }

    private static String shortId(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
