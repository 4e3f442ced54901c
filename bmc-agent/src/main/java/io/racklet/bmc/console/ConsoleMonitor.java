package io.racklet.bmc.console;

import io.racklet.bmc.report.NodeReporter;
import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.time.Scheduler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the node's serial console: reads it on its own thread, keeps it in the console log,
 * streams it over MQTT in bounded chunks, watches for the ready marker, and writes what an
 * operator types. A device that fails or vanishes is reopened until it returns.
 */
public final class ConsoleMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleMonitor.class);
    static final Duration FLUSH_PERIOD = Duration.ofMillis(100);

    /** What the rest of the agent hears from the console; called on the scheduler thread. */
    public interface Listener {
        void readyMarkerSeen();

        void consoleHealth(String health, String cause);
    }

    private final ConsoleConfig config;
    private final SerialLine line;
    private final ConsoleLog consoleLog;
    private final NodeReporter reporter;
    private final Scheduler scheduler;
    private final Listener listener;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final StringBuilder pending = new StringBuilder();
    private ByteBuffer undecoded = ByteBuffer.allocate(0);
    private String markerWindow = "";
    private long chunkSeq;
    private volatile boolean running = true;
    private volatile boolean open;
    private Thread reader;

    public ConsoleMonitor(ConsoleConfig config, SerialLine line, ConsoleLog consoleLog, NodeReporter reporter,
            Scheduler scheduler, Listener listener) {
        this.config = config;
        this.line = line;
        this.consoleLog = consoleLog;
        this.reporter = reporter;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    public void start() {
        scheduler.every(FLUSH_PERIOD, FLUSH_PERIOD, this::flush);
        reader = new Thread(this::readLoop, "console-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public boolean isOpen() {
        return open;
    }

    /** Sends operator input to the node. */
    public void write(String data, String cause) {
        try {
            line.write(data.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            reporter.event("console.input.failed", "console input not delivered: " + e.getMessage(), cause);
        }
    }

    private void readLoop() {
        boolean everOpened = false;
        String lastProblem = null;
        while (running) {
            try {
                line.open();
                open = true;
                if (lastProblem != null) {
                    report("ok", "console " + config.device() + " is back");
                } else if (!everOpened) {
                    report("ok", "console " + config.device() + " opened");
                }
                everOpened = true;
                lastProblem = null;
                while (running) {
                    byte[] b = line.read();
                    if (b.length == 0) {
                        Thread.sleep(10);
                    } else {
                        received(b);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException | LinkageError e) {
                // a broken serial library (missing native) must not end the loop silently either
                String problem = e instanceof IOException ? e.getMessage() : e.toString();
                line.close();
                if (open || lastProblem == null) {
                    log.warn("console: {}", problem);
                    report("lost", problem);
                }
                open = false;
                lastProblem = problem;
                sleep(config.reopenInterval());
            }
        }
    }

    private void report(String health, String cause) {
        scheduler.schedule(Duration.ZERO, () -> {
            if (health.equals("lost")) {
                reporter.event("console.lost", "serial console unavailable; retrying every "
                        + config.reopenInterval().toSeconds() + " s", cause);
            }
            listener.consoleHealth(health, cause);
        });
    }

    private void received(byte[] bytes) {
        if (!consoleLog.append(bytes)) {
            log.debug("console log write failed; {} bytes dropped so far", consoleLog.droppedBytes());
        }
        String text = decode(bytes);
        synchronized (pending) {
            pending.append(text);
        }
        String marker = config.readyMarker();
        String window = markerWindow + text;
        if (window.contains(marker)) {
            scheduler.schedule(Duration.ZERO, listener::readyMarkerSeen);
            window = window.substring(window.lastIndexOf(marker) + marker.length());
        }
        markerWindow = window.length() >= marker.length() ? window.substring(window.length() - marker.length() + 1) : window;
    }

    /** Decodes UTF-8 across read boundaries, replacing what cannot be decoded. */
    private String decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(undecoded.remaining() + bytes.length);
        in.put(undecoded).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        undecoded = in.slice();
        return out.flip().toString();
    }

    /** Publishes what arrived since the last flush, in chunks of at most {@link ConsoleChunk#MAX_DATA}. */
    void flush() {
        String text;
        synchronized (pending) {
            if (pending.isEmpty()) return;
            text = pending.toString();
            pending.setLength(0);
        }
        for (int i = 0; i < text.length(); i += ConsoleChunk.MAX_DATA) {
            reporter.console(ConsoleChunk.of(++chunkSeq, scheduler.instant(),
                    text.substring(i, Math.min(text.length(), i + ConsoleChunk.MAX_DATA))));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (reader != null) reader.interrupt();
        line.close();
    }
}
