package io.racklet.rmc.thermal;

import io.racklet.drivers.thermal.Thermometer;
import io.racklet.protocol.message.RackTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Reads every rack sensor, keeps each one's last good value and when it was taken, and says which
 * are fresh. A sensor that fails or reads the impossible keeps its old value, which goes stale.
 */
public final class SensorPoller {
    public static final Duration STALE_AFTER = Duration.ofSeconds(2);

    private record Entry(SensorConfig config, Thermometer thermometer) {}

    private final Map<String, Entry> sensors = new LinkedHashMap<>();
    private final Map<String, Double> last = new LinkedHashMap<>();
    private final Map<String, Instant> at = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final InstantSource clock;
    private final BiConsumer<String, String> onProblem;

    /** @param onProblem (sensor, problem) when a sensor starts failing; (sensor, null) when it recovers */
    public SensorPoller(InstantSource clock, BiConsumer<String, String> onProblem) {
        this.clock = clock;
        this.onProblem = onProblem;
    }

    public void add(SensorConfig config, Thermometer t) {
        sensors.put(config.name(), new Entry(config, t));
    }

    public void poll() {
        for (Entry e : sensors.values()) {
            String name = e.config().name();
            try {
                last.put(name, e.thermometer().celsius());
                at.put(name, clock.instant());
                if (problems.remove(name) != null) onProblem.accept(name, null);
            } catch (RuntimeException ex) {
                String problem = ex.getMessage() == null ? ex.toString() : ex.getMessage();
                if (!problem.equals(problems.put(name, problem))) onProblem.accept(name, problem);
            }
        }
    }

    /** The hottest fresh zone sensor: what the cooling zone controls on. Empty when none is fresh. */
    public Optional<Double> zoneCelsius() {
        Instant now = clock.instant();
        return sensors.values().stream().filter(e -> e.config().zone()).map(e -> e.config().name())
                .filter(n -> fresh(n, now)).map(last::get).max(Double::compare);
    }

    private boolean fresh(String name, Instant now) {
        Instant t = at.get(name);
        return t != null && Duration.between(t, now).compareTo(STALE_AFTER) <= 0;
    }

    public List<RackTelemetry.Sensor> readings() {
        Instant now = clock.instant();
        List<RackTelemetry.Sensor> out = new ArrayList<>();
        for (String name : sensors.keySet()) {
            String status = fresh(name, now) ? "ok" : problems.containsKey(name) ? "failed" : "stale";
            out.add(new RackTelemetry.Sensor(name, last.get(name), status));
        }
        return out;
    }
}
