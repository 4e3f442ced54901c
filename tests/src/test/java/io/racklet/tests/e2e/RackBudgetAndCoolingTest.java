package io.racklet.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.cli.demo.DemoOptions;
import io.racklet.cli.demo.DemoTopology;
import io.racklet.net.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo with a power budget too small to start every node at once, as real processes: nodes
 * power on one after another, the rack never shows a draw above its budget, and the RMC reports
 * its fans and sensors while loading a node raises its power and temperature.
 */
class RackBudgetAndCoolingTest {
    // five idle nodes plus one inrush fit, five inrushes at once (65 W) do not
    static final double BUDGET = 27;

    @Test
    void nodesPowerOnInSequenceWithinTheBudgetAndTheRmcReportsCooling(@TempDir Path stateDir) throws Exception {
        try (DemoTopology rack = DemoTopology.start(
                new DemoOptions(5, LoopbackPorts.free(), LoopbackPorts.free(), stateDir, BUDGET), Duration.ofSeconds(90))) {
            ApiClient api = ApiClient.asDemoAdmin(rack);
            List<Double> draws = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            JsonNode nodes = null;
            while (System.nanoTime() < end) {
                JsonNode r = api.get("/api/v1/rack").body();
                if (r.path("watts").isNumber()) draws.add(r.path("watts").asDouble());
                nodes = api.get("/api/v1/nodes").body();
                if (nodes.size() == 5 && nodes.findValuesAsText("power").stream().allMatch("on"::equals) && r.path("queued").isEmpty()) break;
                Thread.sleep(250);
            }
            assertThat(nodes.findValuesAsText("power")).as("all nodes on in the end; rack events: %s",
                    api.get("/api/v1/events?limit=200").body()).containsOnly("on");
            assertThat(draws).isNotEmpty().allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(BUDGET));

            JsonNode granted = api.get("/api/v1/events?node=rmc&kind=budget.granted").body();
            assertThat(granted).hasSize(5);
            assertThat(api.get("/api/v1/events?node=rmc&kind=budget.queued").body()).as("some had to wait").isNotEmpty();

            JsonNode r = api.get("/api/v1/rack").body();
            assertThat(r.path("budgetWatts").asDouble()).isEqualTo(BUDGET);
            assertThat(r.path("zone").path("mode").asText()).isEqualTo("pid");
            assertThat(r.path("fans")).hasSize(2).allSatisfy(f -> assertThat(f.path("rpm").asDouble()).isPositive());
            assertThat(r.path("sensors").findValuesAsText("status")).containsOnly("ok");

            // the simulated node runs "stress" from its console: more power, more heat
            // booted and a whole idle interval reported, so that "before" is the idle draw, not the boot's
            api.await("/api/v1/nodes/node-1", Duration.ofSeconds(60), n -> n.path("boot").asText().equals("booted"));
            Thread.sleep(2000);
            double before = api.get("/api/v1/nodes/node-1").body().path("watts").asDouble();
            api.post("/api/v1/nodes/node-1/console", "{\"data\":\"stress\\n\"}");
            JsonNode loaded = api.await("/api/v1/nodes/node-1", Duration.ofSeconds(10),
                    n -> n.path("watts").asDouble() > before + 2.0);
            assertThat(loaded.path("celsius").asDouble()).isPositive();
        }
    }
}
