package io.racklet.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.cli.demo.ChildProcess;
import io.racklet.cli.demo.DemoOptions;
import io.racklet.cli.demo.DemoTopology;
import io.racklet.net.LoopbackPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peers' top complaint: restarting the BMC power-cycles or forgets the node. Here the BMC agent
 * process is killed with SIGKILL and started again: the node's rail is never toggled, the node is
 * adopted as on, and its energy counter continues from where it was, not from zero.
 */
class BmcCrashTest {

    @Test
    void killedBmcComesBackWithoutTogglingTheNodeAndKeepsItsEnergyCounter(@TempDir Path stateDir) throws Exception {
        try (DemoTopology rack = DemoTopology.start(new DemoOptions(2, LoopbackPorts.free(), LoopbackPorts.free(), stateDir),
                Duration.ofSeconds(90))) {
            ApiClient api = ApiClient.asDemoAdmin(rack);
            api.await("/api/v1/nodes/node-1", Duration.ofSeconds(60),
                    n -> n.path("boot").asText().equals("booted") && n.path("energyWh").asDouble() > 0);
            Instant poweredOnAt = rack.world().node("node-1").poweredOnAt();
            assertThat(poweredOnAt).isNotNull();

            ChildProcess bmc = rack.process("node-1");
            bmc.kill();
            assertThat(bmc.isAlive()).isFalse();
            double energyAtKill = api.get("/api/v1/nodes/node-1").body().path("energyWh").asDouble();
            assertThat(rack.world().node("node-1").powered()).as("node keeps running without its BMC").isTrue();

            bmc.start();
            Instant restartedAt = Instant.now();
            JsonNode after = api.await("/api/v1/nodes/node-1", Duration.ofSeconds(30),
                    n -> n.path("updatedAt").isTextual() && Instant.parse(n.path("updatedAt").asText()).isAfter(restartedAt));
            assertThat(after.path("power").asText()).isEqualTo("on");
            assertThat(after.path("boot").asText()).as("a restarted BMC remembers the node booted").isEqualTo("booted");
            JsonNode starts = api.get("/api/v1/events?node=node-1&kind=bmc.started").body();
            assertThat(starts).hasSize(2);
            assertThat(starts.get(1).path("message").asText()).contains("adopted: rail was on");
            assertThat(after.path("energyWh").asDouble()).as("energy counter continues").isGreaterThanOrEqualTo(energyAtKill);
            assertThat(rack.world().node("node-1").poweredOnAt()).as("rail never toggled").isEqualTo(poweredOnAt);

            JsonNode powerEvents = api.get("/api/v1/events?node=node-1&kind=power").body();
            assertThat(powerEvents.findValuesAsText("kind")).filteredOn(k -> k.equals("power.on") || k.equals("power.off"))
                    .as("switched on once, at the very first start, never again").containsExactly("power.on");
            JsonNode energyResets = api.get("/api/v1/events?node=node-1&kind=energy.reset").body();
            assertThat(energyResets).as("only the very first start begins a counter").hasSize(1);
        }
    }
}
