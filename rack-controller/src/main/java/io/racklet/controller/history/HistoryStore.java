package io.racklet.controller.history;

import io.racklet.controller.events.RackEvent;
import io.racklet.protocol.message.PowerTelemetry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry history and the event log in one SQLite file under the state directory. Writes are
 * queued and committed once a second in one transaction by a writer thread, so ingest never
 * waits on the disk; raw samples are kept for {@code rawRetention}, minute rollups (mean, min,
 * max) for {@code rollupRetention}, events for good.
 */
public final class HistoryStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HistoryStore.class);
    static final int QUEUE = 100_000;
    static final long MINUTE = 60_000;

    private sealed interface Row permits Sample, EventRow {}

    private record Sample(String node, PowerTelemetry t) implements Row {}

    private record EventRow(RackEvent e) implements Row {}

    /** One point of history: a raw sample or a minute's rollup (then min/max differ from the mean). */
    public record Point(Instant ts, double watts, double wattsMin, double wattsMax, double energyWh, Double celsius) {}

    private final Connection db;
    private final Duration rawRetention;
    private final Duration rollupRetention;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread writer;
    private volatile boolean running = true;
    private long dropped;
    private final java.util.concurrent.atomic.AtomicLong offered = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong settled = new java.util.concurrent.atomic.AtomicLong();
    private long rolledUpTo;

    /** Late samples (a spooling agent reconnecting) are still rolled up if at most this old. */
    static final long LATE_MINUTES = 10;

    private final java.time.InstantSource clock;

    public HistoryStore(Path file, Duration rawRetention, Duration rollupRetention) {
        this(file, rawRetention, rollupRetention, java.time.InstantSource.system());
    }

    public HistoryStore(Path file, Duration rawRetention, Duration rollupRetention, java.time.InstantSource clock) {
        this.clock = clock;
        this.rawRetention = rawRetention;
        this.rollupRetention = rollupRetention;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS samples (node TEXT NOT NULL, ts INTEGER NOT NULL, watts REAL, "
                        + "volts REAL, amps REAL, energy_wh REAL, celsius REAL, watts_min REAL, watts_max REAL)");
                s.execute("CREATE INDEX IF NOT EXISTS samples_node_ts ON samples(node, ts)");
                s.execute("CREATE TABLE IF NOT EXISTS rollups (node TEXT NOT NULL, minute INTEGER NOT NULL, watts REAL, "
                        + "watts_min REAL, watts_max REAL, energy_wh REAL, celsius REAL, PRIMARY KEY (node, minute))");
                s.execute("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, node TEXT NOT NULL, "
                        + "seq INTEGER, ts INTEGER NOT NULL, kind TEXT NOT NULL, message TEXT, cause TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS events_ts ON events(ts)");
            }
            db.setAutoCommit(false);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot open the history store " + file + ": " + e.getMessage(), e);
        }
        writer = new Thread(this::writeLoop, "history-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void sample(String node, PowerTelemetry t) {
        offer(new Sample(node, t));
    }

    public void event(RackEvent e) {
        offer(new EventRow(e));
    }

    private void offer(Row r) {
        offered.incrementAndGet();
        if (!queue.offer(r)) {
            settled.incrementAndGet();
            synchronized (this) {
                dropped++; // the disk cannot keep up: the live view still has the value
            }
        }
    }

    public synchronized long droppedCount() {
        return dropped;
    }

    private void writeLoop() {
        List<Row> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Row first = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (first != null) batch.add(first);
                queue.drainTo(batch);
                if (!batch.isEmpty()) write(batch);
                settled.addAndGet(batch.size());
                batch.clear();
                maintain(clock.instant());
            } catch (InterruptedException e) {
                running = false;
            } catch (SQLException e) {
                log.warn("history write failed ({} rows lost): {}", batch.size(), e.getMessage());
                settled.addAndGet(batch.size());
                batch.clear();
                try {
                    db.rollback();
                } catch (SQLException ignored) {
                    // the next batch starts a new transaction anyway
                }
            }
        }
    }

    private synchronized void write(List<Row> batch) throws SQLException {
        try (PreparedStatement samples = db.prepareStatement("INSERT INTO samples VALUES (?,?,?,?,?,?,?,?,?)");
                PreparedStatement events = db.prepareStatement(
                        "INSERT INTO events (node, seq, ts, kind, message, cause) VALUES (?,?,?,?,?,?)")) {
            for (Row r : batch) {
                if (r instanceof Sample s) {
                    samples.setString(1, s.node());
                    samples.setLong(2, s.t().ts().toEpochMilli());
                    samples.setDouble(3, s.t().watts());
                    samples.setDouble(4, s.t().volts());
                    samples.setDouble(5, s.t().amps());
                    samples.setDouble(6, s.t().energyWh());
                    if (s.t().celsius() == null) samples.setNull(7, java.sql.Types.REAL);
                    else samples.setDouble(7, s.t().celsius());
                    samples.setDouble(8, s.t().wattsMin());
                    samples.setDouble(9, s.t().wattsMax());
                    samples.addBatch();
                } else if (r instanceof EventRow er) {
                    RackEvent e = er.e();
                    events.setString(1, e.node());
                    events.setLong(2, e.seq());
                    events.setLong(3, e.ts().toEpochMilli());
                    events.setString(4, e.kind());
                    events.setString(5, e.message());
                    events.setString(6, e.cause());
                    events.addBatch();
                }
            }
            samples.executeBatch();
            events.executeBatch();
            db.commit();
        }
    }

    /** Rolls finished minutes up and drops what is past retention; cheap when nothing is due. */
    private synchronized void maintain(Instant now) throws SQLException {
        long lastFullMinute = now.toEpochMilli() / MINUTE * MINUTE;
        if (lastFullMinute <= rolledUpTo) return;
        try (PreparedStatement roll = db.prepareStatement(
                "INSERT OR REPLACE INTO rollups SELECT node, ts / 60000 * 60000 AS minute, avg(watts), min(watts_min), "
                        + "max(watts_max), max(energy_wh), avg(celsius) FROM samples WHERE ts >= ? AND ts < ? GROUP BY node, minute");
                PreparedStatement dropRaw = db.prepareStatement("DELETE FROM samples WHERE ts < ?");
                PreparedStatement dropRollups = db.prepareStatement("DELETE FROM rollups WHERE minute < ?")) {
            roll.setLong(1, rolledUpTo == 0 ? 0 : rolledUpTo - LATE_MINUTES * MINUTE);
            roll.setLong(2, lastFullMinute);
            roll.executeUpdate();
            dropRaw.setLong(1, now.minus(rawRetention).toEpochMilli());
            dropRaw.executeUpdate();
            dropRollups.setLong(1, now.minus(rollupRetention).toEpochMilli());
            dropRollups.executeUpdate();
            db.commit();
        }
        rolledUpTo = lastFullMinute;
    }

    /** Waits until everything offered so far is written or given up (tests, shutdown). */
    public void flush() throws InterruptedException {
        long target = offered.get();
        while (settled.get() < target) Thread.sleep(10);
    }

    /** Runs rollup and retention as of {@code now} (the writer does this every second on its own). */
    public void maintainNow(Instant now) throws SQLException {
        maintain(now);
    }

    /**
     * A node's history between {@code from} and {@code to}: raw samples, or minute rollups when
     * {@code rollup} (for long ranges).
     */
    public synchronized List<Point> history(String node, Instant from, Instant to, boolean rollup, int limit) {
        String sql = rollup
                ? "SELECT minute, watts, watts_min, watts_max, energy_wh, celsius FROM rollups WHERE node = ? AND minute >= ? AND minute <= ? ORDER BY minute LIMIT ?"
                : "SELECT ts, watts, watts_min, watts_max, energy_wh, celsius FROM samples WHERE node = ? AND ts >= ? AND ts <= ? ORDER BY ts LIMIT ?";
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, node);
            q.setLong(2, from.toEpochMilli());
            q.setLong(3, to.toEpochMilli());
            q.setInt(4, limit);
            List<Point> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    double c = r.getDouble(6);
                    out.add(new Point(Instant.ofEpochMilli(r.getLong(1)), r.getDouble(2), r.getDouble(3), r.getDouble(4),
                            r.getDouble(5), r.wasNull() ? null : c));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("history query failed: " + e.getMessage(), e);
        }
    }

    /** Persisted events, oldest first, filtered like the API's event log. */
    public synchronized List<RackEvent> events(String node, String kindPrefix, Instant since, int limit) {
        StringBuilder sql = new StringBuilder("SELECT node, seq, ts, kind, message, cause FROM events WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (node != null) {
            sql.append(" AND node = ?");
            args.add(node);
        }
        if (kindPrefix != null) {
            sql.append(" AND substr(kind, 1, ?) = ?");
            args.add(kindPrefix.length());
            args.add(kindPrefix);
        }
        if (since != null) {
            sql.append(" AND ts >= ?");
            args.add(since.toEpochMilli());
        }
        sql.append(" ORDER BY ts DESC, id DESC LIMIT ?");
        args.add(limit);
        try (PreparedStatement q = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) q.setObject(i + 1, args.get(i));
            List<RackEvent> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new RackEvent(r.getString(1), r.getLong(2), Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
                            r.getString(5), r.getString(6)));
                }
            }
            java.util.Collections.reverse(out);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("event query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(5000);
            synchronized (this) {
                db.close();
            }
        } catch (InterruptedException | SQLException e) {
            log.debug("closing history: {}", e.getMessage());
        }
    }
}
