package io.racklet.bmc.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console log on the BMC's disk: bounded by rotation, history kept, failures counted not thrown. */
class ConsoleLogTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Lines "line 00\n".."line NN\n", 8 bytes each. */
    private static List<String> lines(int from, int to) {
        List<String> l = new ArrayList<>();
        for (int i = from; i < to; i++) l.add(String.format("line %02d", i));
        return l;
    }

    @Test
    void appendsToConsoleLog() throws IOException {
        ConsoleLog log = new ConsoleLog(dir, 4096);
        assertThat(log.append(bytes("Booting Linux\r\n"))).isTrue();
        assertThat(log.append(bytes("racklet-node ready\r\n"))).isTrue();
        assertThat(Files.readString(dir.resolve("console.log"))).isEqualTo("Booting Linux\r\nracklet-node ready\r\n");
        assertThat(log.tail(10)).containsExactly("Booting Linux", "racklet-node ready");
    }

    @Test
    void rotatesBeyondMaxBytesKeepingThePreviousFile() throws IOException {
        ConsoleLog log = new ConsoleLog(dir, 80); // ten 8-byte lines per file
        for (String l : lines(0, 25)) {
            assertThat(log.append(bytes(l + "\n"))).isTrue();
        }
        assertThat(Files.size(dir.resolve("console.log"))).isLessThanOrEqualTo(80);
        assertThat(Files.readAllLines(dir.resolve("console.log"))).isEqualTo(lines(20, 25));
        assertThat(Files.readAllLines(dir.resolve("console.log.1"))).isEqualTo(lines(10, 20));
        assertThat(log.droppedBytes()).isZero();
    }

    @Test
    void tailReadsAcrossBothFilesOldestFirst() {
        ConsoleLog log = new ConsoleLog(dir, 80);
        for (String l : lines(0, 25)) log.append(bytes(l + "\n"));

        assertThat(log.tail(3)).isEqualTo(lines(22, 25));
        assertThat(log.tail(8)).isEqualTo(lines(17, 25));
        assertThat(log.tail(100)).as("all that is kept").isEqualTo(lines(10, 25));
        assertThat(log.tail(0)).isEmpty();
    }

    @Test
    void sizeBoundHoldsAcrossARestart() throws IOException {
        ConsoleLog first = new ConsoleLog(dir, 80);
        for (String l : lines(0, 8)) first.append(bytes(l + "\n"));

        ConsoleLog restarted = new ConsoleLog(dir, 80);
        for (String l : lines(8, 12)) restarted.append(bytes(l + "\n"));

        assertThat(Files.readAllLines(dir.resolve("console.log.1"))).isEqualTo(lines(0, 10));
        assertThat(Files.readAllLines(dir.resolve("console.log"))).isEqualTo(lines(10, 12));
    }

    @Test
    void emptyHistoryHasNoTail() {
        assertThat(new ConsoleLog(dir, 4096).tail(5)).isEmpty();
    }

    @Test
    void unwritableDirectoryDropsAndCountsWithoutThrowing() throws IOException {
        // a regular file where the directory should be: fails even for root, unlike chmod
        Path notADir = Files.writeString(dir.resolve("console"), "x");
        ConsoleLog log = new ConsoleLog(notADir, 4096);

        assertThat(log.append(bytes("hello\n"))).isFalse();
        assertThat(log.append(bytes("world!\n"))).isFalse();
        assertThat(log.droppedBytes()).isEqualTo(13);
        assertThat(log.tail(5)).isEmpty();
    }

    @Test
    void aLogFileThatCannotBeOpenedDropsButLaterWritesResume() throws IOException {
        ConsoleLog log = new ConsoleLog(dir, 4096);
        Files.createDirectory(dir.resolve("console.log")); // the log path is blocked
        assertThat(log.append(bytes("lost\n"))).isFalse();
        assertThat(log.droppedBytes()).isEqualTo(5);

        Files.delete(dir.resolve("console.log"));
        assertThat(log.append(bytes("kept\n"))).isTrue();
        assertThat(log.tail(5)).containsExactly("kept");
    }
}
