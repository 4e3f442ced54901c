package io.racklet.controller.rack;

import io.racklet.protocol.message.SyncStatus;
import io.racklet.protocol.topic.Topics;

import io.racklet.protocol.message.BootState;
import io.racklet.protocol.message.NodeState;
import io.racklet.protocol.message.PowerState;
import io.racklet.protocol.message.PowerTelemetry;
import io.racklet.protocol.message.RackTelemetry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's current picture of the rack, fed by MQTT and read by the API. Declared nodes
 * (from the rack spec) are listed before they report; nodes that report without being declared
 * are listed too, so a miswired rack is visible rather than hidden.
 */
public final class RackView {
    private final String rack;
    private final Map<String, Entry> nodes = new ConcurrentHashMap<>();
    private volatile RackTelemetry rackTelemetry;
    private final Map<String, SyncStatus> syncs = new ConcurrentHashMap<>();
    private final java.util.List<java.util.function.Consumer<String>> nodeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.BiConsumer<String, PowerTelemetry>> telemetryListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public RackView(String rack) {
        this.rack = rack;
    }

    public String rack() {
        return rack;
    }

    /** Mutable per-node record; every field write is under the entry's lock. */
    private static final class Entry {
        final String name;
        Integer slot;
        PowerState power = PowerState.UNKNOWN;
        BootState boot = BootState.UNKNOWN;
        String sensor = "unknown";
        String console = "unknown";
        String cause;
        boolean online;
        PowerTelemetry telemetry;
        SyncStatus sync;

        Entry(String name) {
            this.name = name;
        }

        synchronized NodeView view() {
            PowerTelemetry t = telemetry;
            return t == null
                    ? new NodeView(name, slot, power, boot, 0, 0, 0, 0, 0, 0, null, null, sensor, console, online, cause, sync)
                    : new NodeView(name, slot, power, boot, t.watts(), t.wattsMin(), t.wattsMax(), t.volts(), t.amps(),
                            t.energyWh(), t.celsius(), t.ts(), sensor, console, online, cause, sync);
        }
    }

    private Entry entry(String node) {
        Entry e = nodes.get(node);
        if (e != null) return e;
        boolean[] created = {false};
        e = nodes.computeIfAbsent(node, n -> {
            created[0] = true;
            return new Entry(n);
        });
        if (created[0]) nodeListeners.forEach(l -> l.accept(node));
        return e;
    }

    /** Hears each node the first time the view learns of it (declared by the spec or reporting). */
    public void onNewNode(java.util.function.Consumer<String> listener) {
        nodeListeners.add(listener);
    }

    public void declare(String node, int slot) {
        Entry e = entry(node);
        synchronized (e) {
            e.slot = slot;
        }
    }

    /** Applies a sample unless it is older than the one held (redelivery or reordering). */
    public void telemetry(String node, PowerTelemetry t) {
        Entry e = entry(node);
        synchronized (e) {
            if (e.telemetry == null || !t.ts().isBefore(e.telemetry.ts())) {
                e.telemetry = t;
            }
        }
        telemetryListeners.forEach(l -> l.accept(node, t));
    }

    /** Hears each sample once it is visible in the view (live charts, benchmarks); run the result to stop. */
    public Runnable onTelemetry(java.util.function.BiConsumer<String, PowerTelemetry> listener) {
        telemetryListeners.add(listener);
        return () -> telemetryListeners.remove(listener);
    }

    public void state(String node, NodeState s) {
        Entry e = entry(node);
        synchronized (e) {
            e.power = s.power();
            e.boot = s.boot();
            e.sensor = s.sensor();
            e.console = s.console();
            e.cause = s.cause();
        }
    }

    public void availability(String node, boolean online) {
        Entry e = entry(node);
        synchronized (e) {
            e.online = online;
        }
    }

    /** An agent's sync status: a node's goes with the node, the RMC's and the controller's stand apart. */
    public void sync(String agent, SyncStatus s) {
        syncs.put(agent, s);
        if (Topics.isReserved(agent)) return;
        Entry e = entry(agent);
        synchronized (e) {
            e.sync = s;
        }
    }

    /** Every agent's sync status, by agent name. */
    public List<SyncStatus> syncStatuses() {
        List<SyncStatus> out = new ArrayList<>(syncs.values());
        out.sort(Comparator.comparing(SyncStatus::agent));
        return out;
    }

    public Optional<SyncStatus> sync(String agent) {
        return Optional.ofNullable(syncs.get(agent));
    }

    public void rackTelemetry(RackTelemetry t) {
        rackTelemetry = t;
    }

    public Optional<RackTelemetry> rackTelemetry() {
        return Optional.ofNullable(rackTelemetry);
    }

    public Optional<NodeView> node(String name) {
        Entry e = nodes.get(name);
        return e == null ? Optional.empty() : Optional.of(e.view());
    }

    /** Nodes by slot (undeclared ones last), then name. */
    public List<NodeView> nodes() {
        List<NodeView> out = new ArrayList<>();
        nodes.values().forEach(e -> out.add(e.view()));
        out.sort(Comparator.comparing((NodeView v) -> v.slot() == null ? Integer.MAX_VALUE : v.slot())
                .thenComparing(NodeView::name));
        return out;
    }
}
