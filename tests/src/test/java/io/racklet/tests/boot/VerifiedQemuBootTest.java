package io.racklet.tests.boot;
import io.racklet.boot.serve.StaticMirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.bmc.console.JsscSerialLine;
import io.racklet.boot.BootPreparation;
import io.racklet.boot.BootProfile;
import io.racklet.boot.Preparation;
import io.racklet.boot.Refusal;
import io.racklet.boot.keys.KeyFiles;
import io.racklet.boot.serve.BootEndpoint;
import io.racklet.boot.serve.BootFetch;
import io.racklet.boot.store.BlobStore;
import io.racklet.boot.verify.TrustPolicy;
import io.racklet.cli.Racklet;
import io.racklet.config.Entrypoint;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.qemu.QemuMachine;
import io.racklet.sim.qemu.QemuSettings;
import io.racklet.sim.qemu.TestImage;
import io.racklet.time.SystemScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Verified network boot of real Linux in QEMU compute nodes: an admin makes two keys and signs
 * Debian's cloud kernel and a busybox initramfs with `racklet boot` (2 of 2 required); a mirror
 * publishes manifest and blobs; each node's BMC side (blob store, preparation, boot endpoint on
 * the loopback address) fetches and verifies, and only then switches the node's rail on; QEMU
 * network-boots from the endpoint through iPXE; the ready marker arrives on the node's
 * pseudo-terminal read with jssc, as the BMC reads its UART. Reset and off go through QMP. A
 * tampered kernel on the mirror leaves the node off.
 */
@Timeout(600)
class VerifiedQemuBootTest {
    private static final String READY = "racklet-node ready";
    private final SystemScheduler clock = new SystemScheduler("verified-boot-test");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final SimRack rack = new SimRack(clock);
    @TempDir
    Path dir;
    private Path mirrorDir, keys;
    private StaticMirror mirror;

    @BeforeEach
    void signAndPublish() throws Exception {
        TestImage image = TestImage.ensure();
        keys = dir.resolve("keys");
        mirrorDir = dir.resolve("mirror/debian-cloud");
        assertThat(racklet("boot", "keygen", "--out", keys.toString(), "--name", "alice")).isZero();
        assertThat(racklet("boot", "keygen", "--out", keys.toString(), "--name", "bob")).isZero();
        assertThat(racklet("boot", "sign", "--kernel", image.kernel().toString(), "--initramfs", image.initramfs().toString(),
                "--cmdline", "console=ttyS0 quiet", "--name", "debian-cloud", "--version", "7", "--expires", "1h",
                "--key", keys.resolve("alice.key").toString(), "--key", keys.resolve("bob.key").toString(),
                "-o", mirrorDir.resolve("manifest.json").toString(), "--blobs", mirrorDir.resolve("blobs").toString())).isZero();
        // the admin's own check before publishing: exit 0 for the real files
        assertThat(racklet("boot", "verify", mirrorDir.resolve("manifest.json").toString(), "--key", keys.resolve("alice.pub").toString(),
                "--key", keys.resolve("bob.pub").toString(), "--threshold", "2", "--kernel", image.kernel().toString(),
                "--initramfs", image.initramfs().toString())).isZero();
        mirror = new StaticMirror(dir.resolve("mirror"));
        closing.add(mirror);
    }

    @AfterEach
    void close() throws Exception {
        rack.close(); // quits every QEMU
        for (AutoCloseable c : closing) c.close();
        clock.close();
    }

    private static int racklet(String... args) {
        return Entrypoint.execute(new CommandLine(new Racklet()), args);
    }

    /** One node's BMC side of the boot: what bmc-agent will wire into its power flow. */
    private final class Bmc {
        final String node;
        final BlobStore store;
        final BootPreparation preparation;
        final BootEndpoint endpoint;
        final List<BootFetch> fetches = new CopyOnWriteArrayList<>();
        final QemuMachine machine;
        final Path console;

        Bmc(String node, int slot) {
            this.node = node;
            Path state = dir.resolve("bmc/" + node);
            store = new BlobStore(state.resolve("blobs"), http);
            preparation = new BootPreparation(store, state, http);
            endpoint = BootEndpoint.start(node, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), fetches::add, clock);
            closing.add(endpoint);
            closing.add(store);
            console = dir.resolve("sim/" + node + ".tty");
            machine = rack.addQemuNode(node, BmcWiring.DEFAULT, slot, new QemuSettings(endpoint.scriptUrl(), dir.resolve("qemu")), console);
        }

        BootProfile profile() {
            return new BootProfile("debian-cloud", mirror.url("debian-cloud/manifest.json"),
                    TrustPolicy.of(List.of(KeyFiles.readPublicKey(keys.resolve("alice.pub")), KeyFiles.readPublicKey(keys.resolve("bob.pub"))), 2));
        }

        /** The gate: the rail goes on only for a verified boot. */
        Preparation prepareAndPowerOn() {
            Preparation p = preparation.prepare(profile(), clock);
            if (p instanceof Preparation.Prepared ok) {
                endpoint.offer(ok);
                rack.board(node).writeLine(BmcWiring.DEFAULT.enableLine(), true);
            } else {
                endpoint.withdraw();
            }
            return p;
        }
    }

    @Test
    void twoNodesBootTheSignedImageResetAndPowerOffThroughQmp() throws Exception {
        List<Bmc> bmcs = List.of(new Bmc("node-1", 1), new Bmc("node-2", 2));
        long t0 = System.nanoTime();
        for (Bmc b : bmcs) {
            assertThat(b.prepareAndPowerOn()).isInstanceOf(Preparation.Prepared.class);
        }
        long verified = System.nanoTime();
        List<JsscConsole> consoles = new ArrayList<>();
        for (Bmc b : bmcs) {
            JsscConsole c = new JsscConsole(b.console);
            closing.add(0, c);
            consoles.add(c);
        }
        for (int i = 0; i < bmcs.size(); i++) {
            consoles.get(i).await(READY, Duration.ofSeconds(240));
            System.out.printf("%s: fetch+verify %.1f s, power on to ready marker %.1f s%n", bmcs.get(i).node,
                    (verified - t0) / 1e9, (System.nanoTime() - verified) / 1e9);
        }
        for (Bmc b : bmcs) {
            String id = ((Preparation.Prepared) b.preparation.prepare(b.profile(), clock)).manifestId();
            assertThat(b.fetches).extracting(f -> f.what() + " " + f.status() + " " + f.manifestId())
                    .containsExactly("script 200 " + id, "kernel 200 " + id, "initramfs 200 " + id);
            assertThat(b.fetches.get(1).bytes()).isEqualTo(Files.size(TestImage.ensure().kernel()));
        }
        assertThat(consoles.get(0).text()).contains("Linux 6.");

        // the reset line: QMP system_reset; the node network-boots again through the endpoint
        Bmc first = bmcs.get(0);
        long pid = first.machine.pid();
        consoles.get(0).clear();
        rack.board(first.node).writeLine(BmcWiring.DEFAULT.resetLine(), false);
        rack.board(first.node).writeLine(BmcWiring.DEFAULT.resetLine(), true);
        consoles.get(0).await(READY, Duration.ofSeconds(240));
        assertThat(first.machine.pid()).isEqualTo(pid);
        assertThat(first.fetches.stream().filter(f -> f.what().equals("script"))).hasSize(2);

        // the rail off: QMP quit
        for (Bmc b : bmcs) rack.board(b.node).writeLine(BmcWiring.DEFAULT.enableLine(), false);
        for (Bmc b : bmcs) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (b.machine.running() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(b.machine.running()).isFalse();
        }
    }

    @Test
    void aTamperedKernelOnTheMirrorLeavesTheNodeOff() throws Exception {
        Path blob;
        try (Stream<Path> s = Files.list(mirrorDir.resolve("blobs"))) {
            blob = s.filter(p -> {
                try {
                    return Files.size(p) > 10_000_000; // the kernel, not the initramfs
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
        Path original = dir.resolve("kernel.orig");
        Files.copy(blob, original);
        byte[] k = Files.readAllBytes(blob);
        k[k.length / 2] ^= 1;
        Files.write(blob, k);
        // the admin's verify says so too, with exit 1
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = racklet("boot", "verify", mirrorDir.resolve("manifest.json").toString(), "--key", keys.resolve("alice.pub").toString(),
                    "--key", keys.resolve("bob.pub").toString(), "--kernel", blob.toString(), "--initramfs", TestImage.ensure().initramfs().toString());
        } finally {
            System.setOut(old);
        }
        assertThat(code).isEqualTo(Entrypoint.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("refused: digest-mismatch: kernel sha256 is");

        Bmc b = new Bmc("node-3", 3);
        Preparation p = b.prepareAndPowerOn();
        assertThat(p).isInstanceOfSatisfying(Preparation.Refused.class, r -> {
            assertThat(r.refusal().reason()).isEqualTo(Refusal.Reason.DIGEST_MISMATCH);
            assertThat(r.refusal().message()).startsWith("kernel sha256 is");
        });
        assertThat(rack.node("node-3").powered()).isFalse();
        assertThat(b.machine.running()).isFalse();
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(b.endpoint.scriptUrl()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(404);
        assertThat(b.fetches).extracting(BootFetch::what, BootFetch::status).containsExactly(org.assertj.core.groups.Tuple.tuple("script", 404));

        // the mirror repaired: the same manifest now verifies and boots
        Files.copy(original, blob, StandardCopyOption.REPLACE_EXISTING);
        assertThat(b.prepareAndPowerOn()).isInstanceOf(Preparation.Prepared.class);
        try (JsscConsole c = new JsscConsole(b.console)) {
            c.await(READY, Duration.ofSeconds(240));
        }
    }

    /** The node's console through jssc, as the BMC's ConsoleMonitor reads its UART. */
    static final class JsscConsole implements AutoCloseable {
        private final JsscSerialLine line;
        private final StringBuilder text = new StringBuilder();

        JsscConsole(Path device) throws Exception {
            line = new JsscSerialLine(device, 115200);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    line.open();
                    return;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) throw e;
                    Thread.sleep(100);
                }
            }
        }

        void await(String marker, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!text.toString().contains(marker)) {
                if (System.nanoTime() > deadline) throw new AssertionError("no '" + marker + "' on the console; it shows:\n" + text);
                byte[] b = line.read();
                if (b.length == 0) Thread.sleep(50);
                text.append(new String(b, StandardCharsets.UTF_8));
            }
        }

        String text() {
            return text.toString();
        }

        void clear() {
            text.setLength(0);
        }

        @Override
        public void close() {
            line.close();
        }
    }
}
