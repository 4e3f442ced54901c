package io.racklet.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agents speak systemd's notify protocol as their Type=notify units expect: READY=1
 * once running, then WATCHDOG=1 at half the watchdog timeout, STOPPING=1 on SIGTERM. socat plays
 * systemd's notification socket (a Unix datagram socket, as /run/systemd/notify is).
 */
class ServiceNotifyTest {
    @Test
    void agentsNotifyReadyAndFeedTheWatchdog(@TempDir Path dir) throws Exception {
        try (PackagedAgentRig rig = new PackagedAgentRig(dir)) {
            for (String pkg : List.of("racklet-bmc", "racklet-rmc")) {
                Path socket = dir.resolve(pkg + "-notify.sock");
                Path received = dir.resolve(pkg + "-notify.txt");
                Process socat = new ProcessBuilder("socat", "-u", "UNIX-RECV:" + socket, "OPEN:" + received + ",creat,append")
                        .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
                Process agent = null;
                try {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!Files.exists(socket) && System.nanoTime() < end) Thread.sleep(20);
                    assertThat(socket).as("socat's socket").exists();
                    agent = rig.start(pkg, List.of(), Map.of("NOTIFY_SOCKET", socket.toString(), "WATCHDOG_USEC", "1000000"),
                            dir.resolve(pkg + ".log"));
                    String seen = awaitCount(received, "WATCHDOG=1", 3, Duration.ofSeconds(30));
                    assertThat(seen).as(Files.readString(dir.resolve(pkg + ".log"))).contains("READY=1", "STATUS=");
                    assertThat(seen.indexOf("READY=1")).isLessThan(seen.indexOf("WATCHDOG=1"));
                    // 143 = 128 + SIGTERM, which the units declare a clean stop (SuccessExitStatus=143)
                    assertThat(PackagedAgentRig.stop(agent)).isEqualTo(143);
                    assertThat(awaitCount(received, "STOPPING=1", 1, Duration.ofSeconds(5))).contains("STOPPING=1");
                } finally {
                    if (agent != null && agent.isAlive()) agent.destroyForcibly();
                    socat.destroy();
                    socat.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static String awaitCount(Path file, String what, int count, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        String text = "";
        while (System.nanoTime() < end) {
            text = Files.exists(file) ? Files.readString(file) : "";
            if (text.split(what, -1).length - 1 >= count) return text;
            Thread.sleep(100);
        }
        throw new AssertionError("saw fewer than " + count + " " + what + " within " + timeout + ": '" + text + "'");
    }
}
