package io.racklet.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.racklet.cli.Racklet;
import io.racklet.cli.demo.DemoBootImage;
import io.racklet.cli.demo.DemoOptions;
import io.racklet.cli.demo.DemoTopology;
import io.racklet.config.Entrypoint;
import io.racklet.net.LoopbackPorts;
import io.racklet.sim.qemu.TestImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 5's "done when", as {@code ./racklet demo --qemu 2} runs it: both QEMU nodes boot Debian's
 * kernel through their BMC's verified path and reach "booted", with the kernel's console output
 * at the API; a manifest re-signed with a lower version, or a tampered blob, leaves a node off
 * with an event naming the reason.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QemuDemoTest {
    @TempDir
    static Path stateDir;
    static DemoTopology rack;
    static ApiClient api;
    static TestImage image;

    @BeforeAll
    static void startRack() throws Exception {
        image = TestImage.ensure();
        rack = DemoTopology.start(new DemoOptions(2, LoopbackPorts.free(), LoopbackPorts.free(), stateDir, null, 2, LoopbackPorts.free()),
                Duration.ofSeconds(90));
        api = ApiClient.asDemoAdmin(rack);
    }

    @AfterAll
    static void stopRack() {
        if (rack != null) rack.close();
    }

    private static void sign(Path initramfs, int version) {
        DemoBootImage boot = rack.bootImage();
        Path dir = boot.mirrorDir().resolve(DemoBootImage.PROFILE);
        int code = Entrypoint.execute(new CommandLine(new Racklet()), "boot", "sign", "--kernel", image.kernel().toString(),
                "--initramfs", initramfs.toString(), "--cmdline", "console=ttyS0", "--name", DemoBootImage.PROFILE,
                "--version", Integer.toString(version), "--expires", "P1D", "--key", boot.keys().resolve(DemoBootImage.SIGNER + ".key").toString(),
                "-o", dir.resolve("manifest.json").toString(), "--blobs", dir.resolve("blobs").toString());
        assertThat(code).isZero();
    }

    private static JsonNode powerCycleAndAwaitRefusal(String node) throws Exception {
        api.post("/api/v1/nodes/" + node + "/power", "{\"action\":\"off\"}");
        api.await("/api/v1/nodes/" + node, Duration.ofSeconds(20), n -> n.path("power").asText().equals("off"));
        api.post("/api/v1/nodes/" + node + "/power", "{\"action\":\"on\"}");
        JsonNode refused = api.await("/api/v1/events?node=" + node + "&kind=boot.refused", Duration.ofSeconds(60), e -> e.size() > 0);
        Thread.sleep(2000);
        assertThat(rack.world().node(node).powered()).as("%s stays off", node).isFalse();
        assertThat(api.get("/api/v1/nodes/" + node).body().path("power").asText()).isEqualTo("off");
        return refused.get(refused.size() - 1);
    }

    @Test
    @Order(1)
    void bothQemuNodesBootTheVerifiedKernel() throws Exception {
        api.await("/api/v1/nodes", Duration.ofSeconds(180), list -> list.size() == 2
                && WalkingSkeletonTest.allMatch(list, n -> n.path("boot").asText().equals("booted")));
        for (String node : new String[] {"node-1", "node-2"}) {
            // "booted" can come a moment before the console chunk holding the marker: wait for it too
            String console = "";
            for (int i = 0; i < 100 && !console.contains("racklet-node ready"); i++) {
                console = api.getText("/api/v1/nodes/" + node + "/console?tail=1000");
                if (!console.contains("racklet-node ready")) Thread.sleep(100);
            }
            assertThat(console).contains("Linux version 6.", "racklet-node ready");
            JsonNode events = api.get("/api/v1/events?node=" + node + "&kind=boot&limit=50").body();
            assertThat(events.toString()).contains("boot.verified", "version 2", "(kernel): HTTP 200", "(initramfs): HTTP 200");
        }
    }

    @Test
    @Order(2)
    void aManifestReSignedWithALowerVersionLeavesTheNodeOff() throws Exception {
        sign(image.initramfs(), 1);
        JsonNode refused = powerCycleAndAwaitRefusal("node-1");
        assertThat(refused.path("message").asText()).contains("rollback", "version 1", "version 2");
    }

    @Test
    @Order(3)
    void aTamperedBlobLeavesTheNodeOff() throws Exception {
        Path changed = stateDir.resolve("initramfs-v3.gz");
        Files.write(changed, concat(Files.readAllBytes(image.initramfs()), "v3".getBytes()));
        sign(changed, 3);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(changed)));
        Path blob = rack.bootImage().mirrorDir().resolve(DemoBootImage.PROFILE).resolve("blobs").resolve(sha);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[1000] ^= (byte) 0xff; // the mirror serves one flipped byte
        Files.write(blob, bytes);
        JsonNode refused = powerCycleAndAwaitRefusal("node-2");
        assertThat(refused.path("message").asText()).contains("digest-mismatch", "initramfs");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
