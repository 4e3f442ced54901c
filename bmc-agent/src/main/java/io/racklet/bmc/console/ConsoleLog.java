package io.racklet.bmc.console;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The node's console output on the BMC's disk: {@code console.log}, rotated to
 * {@code console.log.1} when it reaches its size bound, so at least one full file of history
 * survives any boot. A write that fails (full disk) is dropped and counted; the console goes on.
 */
public final class ConsoleLog {
    private final Path current;
    private final Path previous;
    private final long maxBytes;
    private long size;
    private long droppedBytes;

    public ConsoleLog(Path dir, long maxBytes) {
        this.current = dir.resolve("console.log");
        this.previous = dir.resolve("console.log.1");
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            size = Files.exists(current) ? Files.size(current) : 0;
        } catch (IOException e) {
            size = 0;
        }
    }

    /** @return false if the bytes could not be written (they are counted as dropped) */
    public synchronized boolean append(byte[] data) {
        try {
            if (size + data.length > maxBytes && size > 0) {
                Files.move(current, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                size = 0;
            }
            try (OutputStream out = Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(data);
            }
            size += data.length;
            return true;
        } catch (IOException e) {
            droppedBytes += data.length;
            return false;
        }
    }

    public synchronized long droppedBytes() {
        return droppedBytes;
    }

    /** The last {@code lines} lines of history, oldest first. */
    public synchronized List<String> tail(int lines) {
        Deque<String> out = new ArrayDeque<>();
        for (Path f : List.of(current, previous)) {
            if (out.size() >= lines || !Files.exists(f)) continue;
            List<String> all;
            try {
                all = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                continue;
            }
            for (int i = all.size() - 1; i >= 0 && out.size() < lines; i--) {
                out.addFirst(all.get(i));
            }
        }
        return new ArrayList<>(out);
    }
}
