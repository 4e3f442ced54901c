package io.racklet.bmc.console;

import static org.assertj.core.api.Assertions.fail;

import io.racklet.bmc.report.RecordingReporter;
import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A ConsoleMonitor on a real serial line (jssc on a pseudo-terminal) with a recording reporter and
 * listener. The monitor's scheduler is virtual: its flushes and callbacks run only when a test
 * advances it, on the test's thread, so the recorders need no locking and chunking is exact. Only
 * the reader thread (and the simulated node) run in real time, which tests wait for with a bound.
 */
final class ConsoleFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** The monitor's default ready marker, as the simulated node prints it. */
    static final String MARKER = "racklet-node ready";

    final ManualScheduler agentClock = new ManualScheduler(Instant.parse("2024-01-01T00:00:00Z"));
    final RecordingReporter reporter = new RecordingReporter();
    final List<String> health = new ArrayList<>();
    final List<String> healthCauses = new ArrayList<>();
    int markers;
    final ConsoleLog log;
    final ConsoleMonitor monitor;

    ConsoleFixture(Path device, Path logDir) {
        ConsoleConfig config = new ConsoleConfig(device, 115200, 1024L * 1024, null, Duration.ofMillis(100));
        log = new ConsoleLog(logDir, config.logMaxBytes());
        monitor = new ConsoleMonitor(config, new JsscSerialLine(device, config.baud()), log, reporter, agentClock,
                new ConsoleMonitor.Listener() {
                    @Override
                    public void readyMarkerSeen() {
                        markers++;
                    }

                    @Override
                    public void consoleHealth(String h, String cause) {
                        health.add(h);
                        healthCauses.add(cause);
                    }
                });
    }

    ConsoleFixture started() {
        monitor.start();
        awaitHealth("ok");
        return this;
    }

    /** Everything streamed so far, in chunk order. */
    String streamed() {
        return reporter.console.stream().map(ConsoleChunk::data).collect(Collectors.joining());
    }

    String lastHealth() {
        return health.isEmpty() ? null : health.get(health.size() - 1);
    }

    void awaitHealth(String h) {
        await(() -> h.equals(lastHealth()), "console health " + h + " (so far " + health + ")");
    }

    void awaitStreamed(String text) {
        await(() -> streamed().contains(text), "'" + text + "' streamed; so far: " + streamed());
    }

    /** Runs the monitor's flushes and callbacks until {@code done}, for at most {@link #WAIT} of real time. */
    void await(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            agentClock.advance(ConsoleMonitor.FLUSH_PERIOD);
            if (done.getAsBoolean()) return;
            sleep(20);
        }
        fail("gave up after " + WAIT + " waiting for " + what);
    }

    /** Waits without running the monitor's scheduler (so nothing is flushed meanwhile). */
    static void awaitQuietly(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("gave up after " + WAIT + " waiting for " + what);
            sleep(10);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        monitor.close();
    }
}
