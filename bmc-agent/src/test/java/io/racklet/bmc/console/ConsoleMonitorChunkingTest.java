package io.racklet.bmc.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.racklet.protocol.message.ConsoleChunk;
import io.racklet.sim.console.Pty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bytes written straight into a pseudo-terminal's master, read by jssc on its slave: bursts are cut
 * into bounded chunks, and neither the marker nor a UTF-8 character is lost across read boundaries.
 */
class ConsoleMonitorChunkingTest {
    @TempDir
    Path tmp;

    private Pty pty;
    private ConsoleFixture console;
    private long written;

    @BeforeEach
    void start() throws IOException {
        pty = Pty.open();
        console = new ConsoleFixture(pty.slave(), tmp.resolve("console")).started();
    }

    @AfterEach
    void stop() {
        console.close();
        pty.close();
    }

    /**
     * Writes all of {@code data} (the master accepts what fits) and waits until the monitor has logged
     * it, so that the next feed arrives in a later read. The monitor logs before it decodes, so being
     * logged does not yet mean being ready to stream.
     */
    private void feed(byte[] data) {
        int off = 0;
        long deadline = System.nanoTime() + ConsoleFixture.WAIT.toNanos();
        while (off < data.length) {
            assertThat(System.nanoTime()).as("pty accepts the data in time").isLessThan(deadline);
            int n = pty.write(Arrays.copyOfRange(data, off, data.length));
            off += n;
            if (n == 0) ConsoleFixture.sleep(5);
        }
        written += data.length;
        Path file = tmp.resolve("console/console.log");
        ConsoleFixture.awaitQuietly(() -> {
            try {
                return Files.exists(file) && Files.size(file) == written;
            } catch (IOException e) {
                return false;
            }
        }, written + " bytes logged");
    }

    @Test
    void aBurstIsStreamedInChunksOfAtMostMaxData() {
        String end = "\r\n" + ConsoleFixture.MARKER + "\r\n";
        StringBuilder burst = new StringBuilder();
        for (int i = 0; burst.length() < 3 * ConsoleChunk.MAX_DATA + 100; i++) {
            burst.append(String.format("[%12.6f] dmesg line %d%n", i * 0.001, i));
        }
        String text = burst.substring(0, 3 * ConsoleChunk.MAX_DATA + 100 - end.length()) + end;

        feed(text.getBytes(StandardCharsets.US_ASCII));
        // the marker is looked for after the text is queued for streaming: once seen, all of it is queued
        ConsoleFixture.awaitQuietly(() -> {
            console.agentClock.advance(Duration.ZERO);
            return console.markers == 1;
        }, "the burst's last read decoded");
        assertThat(console.reporter.console).as("nothing flushed while feeding").isEmpty();

        console.agentClock.advance(ConsoleMonitor.FLUSH_PERIOD);

        assertThat(console.reporter.console).extracting(c -> c.data().length())
                .containsExactly(ConsoleChunk.MAX_DATA, ConsoleChunk.MAX_DATA, ConsoleChunk.MAX_DATA, 100);
        assertThat(console.streamed()).isEqualTo(text);
    }

    @Test
    void theMarkerIsFoundAcrossReadBoundariesAndOnlyOnce() {
        feed("boot...\r\nracklet-no".getBytes(StandardCharsets.US_ASCII));
        console.awaitStreamed("racklet-no");
        assertThat(console.markers).isZero();

        feed("de ready\r\n".getBytes(StandardCharsets.US_ASCII));
        console.await(() -> console.markers == 1, "marker split over two reads");

        // a later read proves the reads before it were fully handled
        feed("login: ".getBytes(StandardCharsets.US_ASCII));
        feed("x".getBytes(StandardCharsets.US_ASCII));
        console.awaitStreamed("login: x");
        console.agentClock.advance(Duration.ZERO);
        assertThat(console.markers).as("the same marker is not seen twice").isEqualTo(1);
    }

    @Test
    void aCharacterSplitAcrossReadsIsDecodedWhole() {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        feed(new byte[] {'c', 'a', 'f', e[0]});
        feed(new byte[] {e[1], '\n'});
        console.awaitStreamed("\n");
        assertThat(console.streamed()).isEqualTo("café\n");
    }

    @Test
    void undecodableBytesAreReplacedNotDropped() {
        feed(new byte[] {'a', (byte) 0xFF, 'b', '\n'});
        console.awaitStreamed("\n");
        assertThat(console.streamed()).isEqualTo("a\uFFFDb\n");
        assertThat(console.log.tail(1)).containsExactly("a\uFFFDb");
    }
}
