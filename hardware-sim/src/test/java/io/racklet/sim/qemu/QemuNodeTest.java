package io.racklet.sim.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.racklet.sim.BmcWiring;
import io.racklet.sim.SimRack;
import io.racklet.sim.board.BoardPort;
import io.racklet.time.SystemScheduler;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real QEMU machine as a simulated rack's node: the enable line boots it over the network
 * (the NIC's iPXE ROM, DHCP, HTTP on the loopback address), its console is a pseudo-terminal, its modelled draw follows
 * QEMU's CPU, the reset line resets it through QMP and the enable line going low quits it.
 * The boot server here is plain HTTP: the verified path is tested end to end in tests/.
 */
@Timeout(300)
class QemuNodeTest {
    private static final String READY = "racklet-node ready";
    private final SystemScheduler clock = new SystemScheduler("qemu-test");
    private final SimRack rack = new SimRack(clock);
    private final List<String> served = new CopyOnWriteArrayList<>();
    private HttpServer server;
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        rack.close();
        if (server != null) server.stop(0);
        clock.close();
    }

    private URI serve(TestImage image) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        byte[] script = "#!ipxe\nkernel kernel console=ttyS0 quiet\ninitrd initrd\nboot\n".getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", x -> {
            served.add(x.getRequestURI().getPath());
            byte[] body = switch (x.getRequestURI().getPath()) {
                case "/boot.ipxe" -> script;
                case "/kernel" -> Files.readAllBytes(image.kernel());
                case "/initrd" -> Files.readAllBytes(image.initramfs());
                default -> null;
            };
            try (x) {
                if (body == null) {
                    x.sendResponseHeaders(404, -1);
                } else {
                    x.sendResponseHeaders(200, body.length);
                    x.getResponseBody().write(body);
                }
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/boot.ipxe");
    }

    @Test
    void networkBootsOnTheEnableLineFollowsItsCpuAndResetsAndQuitsThroughQmp() throws Exception {
        TestImage image = TestImage.ensure();
        Path link = dir.resolve("node-1.tty");
        // PXE as a PC does it (NIC option ROM, DHCP); the end-to-end tests use the default, iPXE as firmware
        QemuSettings settings = new QemuSettings(serve(image), dir, 256, QemuSettings.DEFAULT_BINARY, QemuSettings.Firmware.NIC_ROM);
        QemuMachine machine = rack.addQemuNode("node-1", BmcWiring.DEFAULT, 1, settings, link);
        BoardPort board = rack.board("node-1");

        long t0 = System.nanoTime();
        board.writeLine(BmcWiring.DEFAULT.enableLine(), true);
        assertThat(rack.node("node-1").powered()).isTrue();
        await(() -> Files.exists(link), Duration.ofSeconds(30), "console link");
        long pid = machine.pid();
        assertThat(pid).isPositive();
        assertThat(Files.readSymbolicLink(link).toString()).startsWith("/dev/pts/");

        try (Console console = new Console(link)) {
            console.await(READY, Duration.ofSeconds(180));
            System.out.printf("QEMU node: enable line to ready marker in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertThat(served).startsWith("/boot.ipxe", "/kernel", "/initrd");
            assertThat(console.text()).contains("Linux 6.");

            // idle guest: QEMU's CPU near zero, the modelled Pi near idle; a busy loop raises both
            Thread.sleep(3000);
            machine.cpuFraction();
            Thread.sleep(1500);
            double idleWatts = rack.node("node-1").watts();
            console.type("stress\n");
            console.await("stress: loading", Duration.ofSeconds(20));
            Thread.sleep(1000);
            machine.cpuFraction();
            Thread.sleep(2000);
            double busyWatts = rack.node("node-1").watts();
            System.out.printf("QEMU node: idle %.2f W, busy %.2f W%n", idleWatts, busyWatts);
            assertThat(busyWatts).isGreaterThan(idleWatts + 1.0);

            // the reset line: QMP system_reset, the same process boots again from the network
            int scripts = (int) served.stream().filter("/boot.ipxe"::equals).count();
            board.writeLine(BmcWiring.DEFAULT.resetLine(), false);
            board.writeLine(BmcWiring.DEFAULT.resetLine(), true);
            console.clear();
            console.await(READY, Duration.ofSeconds(180));
            assertThat(machine.pid()).isEqualTo(pid);
            assertThat(served.stream().filter("/boot.ipxe"::equals).count()).isEqualTo(scripts + 1);
        }

        // rail off: QMP quit, the process is gone
        board.writeLine(BmcWiring.DEFAULT.enableLine(), false);
        await(() -> !machine.running(), Duration.ofSeconds(20), "QEMU to quit");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(rack.node("node-1").watts()).isZero();
        assertThat(link).as("no console while off: its pty number may be reused by another process").doesNotExist();
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    /** The node's console through its pseudo-terminal, read on a thread of its own. */
    static final class Console implements AutoCloseable {
        private final StringBuffer text = new StringBuffer();
        private final InputStream in;
        private final OutputStream out;
        private final Thread reader;

        Console(Path link) throws IOException {
            in = new FileInputStream(link.toFile());
            out = new FileOutputStream(link.toFile());
            reader = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) > 0; ) text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // closed
                }
            }, "qemu-console-reader");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            return text.toString();
        }

        void clear() {
            text.setLength(0);
        }

        void type(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void await(String marker, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!text.toString().contains(marker)) {
                if (System.nanoTime() > deadline) throw new AssertionError("no '" + marker + "' on the console; it shows:\n" + text);
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
            out.close();
        }
    }
}
