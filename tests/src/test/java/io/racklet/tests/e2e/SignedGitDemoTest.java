package io.racklet.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.cli.demo.DemoOptions;
import io.racklet.cli.demo.DemoRepository;
import io.racklet.cli.demo.DemoTopology;
import io.racklet.net.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's "done when", on the demo topology with real processes and the real {@code git}: a
 * node follows a commit signed with the demo admin key; a commit signed with another key, or not
 * signed, leaves the node on and {@code GET /api/v1/sync} names the refused commit and why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignedGitDemoTest {
    @TempDir
    static Path stateDir;
    static DemoTopology rack;
    static ApiClient api;
    static DemoRepository repo;

    @BeforeAll
    static void startRack() throws Exception {
        rack = DemoTopology.start(new DemoOptions(3, LoopbackPorts.free(), LoopbackPorts.free(), stateDir), Duration.ofSeconds(90));
        api = ApiClient.asDemoAdmin(rack);
        repo = rack.repository();
        api.await("/api/v1/nodes", Duration.ofSeconds(60), list -> list.size() == 3
                && WalkingSkeletonTest.allMatch(list, n -> n.path("power").asText().equals("on")
                        && n.path("sync").path("applied").isTextual()));
    }

    @AfterAll
    static void stopRack() {
        if (rack != null) rack.close();
    }

    private static void declare(String node, String power) throws Exception {
        Path file = repo.dir().resolve("rack.yaml");
        String yaml = Files.readString(file);
        int at = yaml.indexOf("name: " + node + "\n");
        int p = yaml.indexOf("power: ", at);
        int end = yaml.indexOf('\n', p);
        Files.writeString(file, yaml.substring(0, p) + "power: \"" + power + "\"" + yaml.substring(end));
    }

    private static String head() throws Exception {
        return repo.git("rev-parse", "HEAD").strip();
    }

    @Test
    @Order(1)
    void aCommitSignedByTheAdminTurnsTheNodeOff() throws Exception {
        declare("node-1", "off");
        repo.git("commit", "-q", "-am", "node-1 off"); // signed: the demo repository is configured to sign
        String commit = head();
        JsonNode node = api.await("/api/v1/nodes/node-1", Duration.ofSeconds(40),
                n -> n.path("power").asText().equals("off") && n.path("watts").asDouble() < 0.1);
        assertThat(node.path("cause").asText()).contains(commit.substring(0, 12)).contains("signed by demo-admin");
        assertThat(rack.world().node("node-1").powered()).isFalse();
        assertThat(rack.world().node("node-2").powered()).isTrue();
        JsonNode sync = api.await("/api/v1/sync", Duration.ofSeconds(20), s -> s.path("agents").size() == 5
                && WalkingSkeletonTest.allMatch(s.path("agents"), a -> a.path("applied").asText().equals(commit)));
        assertThat(sync.path("controller").path("signer").asText()).isEqualTo("demo-admin");
    }

    @Test
    @Order(2)
    void aCommitSignedByAnUntrustedKeyLeavesTheNodeOnAndIsNamed() throws Exception {
        String good = head();
        Path mallory = stateDir.resolve("mallory");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", mallory.toString()).start().waitFor();
        declare("node-2", "off");
        repo.git("-c", "user.signingkey=" + mallory, "commit", "-q", "-am", "node-2 off by mallory");
        String bad = head();
        api.post("/api/v1/sync", "{}");
        JsonNode sync = api.await("/api/v1/sync", Duration.ofSeconds(30), s -> WalkingSkeletonTest.allMatch(s.path("agents"),
                a -> a.path("refused").asText().equals(bad)));
        for (JsonNode a : sync.path("agents")) {
            assertThat(a.path("applied").asText()).as("%s keeps the last good commit", a.path("agent")).isEqualTo(good);
            assertThat(a.path("error").asText()).contains("not a trusted admin key");
        }
        Thread.sleep(3000);
        assertThat(rack.world().node("node-2").powered()).as("node-2 stays on").isTrue();
        assertThat(api.get("/api/v1/nodes/node-2").body().path("power").asText()).isEqualTo("on");
        repo.git("reset", "-q", "--hard", good); // the admin drops the refused commit
    }

    @Test
    @Order(3)
    void anUnsignedCommitLeavesTheNodeOnAndIsNamed() throws Exception {
        String good = head();
        declare("node-2", "off");
        repo.git("-c", "commit.gpgsign=false", "commit", "-q", "-am", "node-2 off, unsigned");
        String bad = head();
        api.post("/api/v1/sync", "{}");
        JsonNode sync = api.await("/api/v1/sync", Duration.ofSeconds(30), s -> s.path("controller").path("refused").asText().equals(bad)
                && WalkingSkeletonTest.allMatch(s.path("agents"), a -> a.path("refused").asText().equals(bad)));
        assertThat(sync.path("controller").path("error").asText()).contains("not signed");
        assertThat(sync.path("controller").path("applied").asText()).isEqualTo(good);
        Thread.sleep(3000);
        assertThat(rack.world().node("node-2").powered()).as("node-2 stays on").isTrue();
        JsonNode events = api.get("/api/v1/events?kind=sync.refused&limit=50").body();
        assertThat(events.toString()).contains(bad.substring(0, 12)).contains("not signed");
    }
}
