package io.racklet.controller.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The rack's recent events in memory, newest last, bounded; what the API reads. Every event is
 * also written to the history store, from which a restarted controller refills this log.
 */
public final class EventLog {
    public static final int CAPACITY = 10_000;
    private final Deque<RackEvent> events = new ArrayDeque<>();
    private final List<java.util.function.Consumer<RackEvent>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Refills from the history store at start, before anyone listens. */
    public synchronized void addAll(List<RackEvent> older) {
        older.forEach(this::add);
    }

    public void add(RackEvent e) {
        synchronized (this) {
            if (events.size() == CAPACITY) events.removeFirst();
            events.addLast(e);
        }
        listeners.forEach(l -> l.accept(e));
    }

    /** Hears every event added from now on (event streams); run the result to stop. */
    public Runnable onEvent(java.util.function.Consumer<RackEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * @param node       only this node's events, or all if null
     * @param kindPrefix only kinds starting with this ("power" matches "power.on"), or all if null
     * @param since      only events at or after this time, or all if null
     * @param limit      at most this many, the newest
     */
    public synchronized List<RackEvent> query(String node, String kindPrefix, Instant since, int limit) {
        List<RackEvent> out = new ArrayList<>();
        var it = events.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            RackEvent e = it.next();
            if (node != null && !node.equals(e.node())) continue;
            if (kindPrefix != null && !e.kind().startsWith(kindPrefix)) continue;
            if (since != null && e.ts().isBefore(since)) continue;
            out.add(e);
        }
        java.util.Collections.reverse(out);
        return out;
    }
}
