package io.racklet.controller.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * The recent console output of every node as streamed by the BMCs (the full history stays on each
 * BMC's disk), for the API's tail and for live followers.
 */
public final class ConsoleBuffer {
    /** Per node: enough for several boots of a Pi at 115200 baud. */
    public static final int MAX_CHARS = 256 * 1024;
    private final Map<String, StringBuilder> text = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, String>> followers = new CopyOnWriteArrayList<>();

    public void append(String node, String data) {
        StringBuilder b = text.computeIfAbsent(node, n -> new StringBuilder());
        synchronized (b) {
            b.append(data);
            if (b.length() > MAX_CHARS) {
                b.delete(0, b.length() - MAX_CHARS);
            }
        }
        followers.forEach(f -> f.accept(node, data));
    }

    /** The last {@code lines} lines of a node's console, with terminal carriage returns removed. */
    public List<String> tail(String node, int lines) {
        StringBuilder b = text.get(node);
        if (b == null) return List.of();
        String all;
        synchronized (b) {
            all = b.toString();
        }
        List<String> split = all.replace("\r", "").lines().toList();
        return new ArrayList<>(split.subList(Math.max(0, split.size() - lines), split.size()));
    }

    /** Hears every chunk as it arrives: (node, data). */
    public Runnable follow(BiConsumer<String, String> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }
}
