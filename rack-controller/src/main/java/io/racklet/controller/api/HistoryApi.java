package io.racklet.controller.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.racklet.controller.history.HistoryStore;
import io.racklet.controller.rack.RackView;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A node's telemetry history: {@code GET /api/v1/nodes/{name}/history?from=&to=&resolution=&limit=}. */
@Controller("/api/v1/nodes/{name}/history")
public class HistoryApi {
    static final int MAX_POINTS = 100_000;
    /** Ranges longer than this are served from minute rollups unless raw samples are asked for. */
    static final Duration RAW_UP_TO = Duration.ofHours(2);
    private final RackView rack;
    private final HistoryStore history;

    public HistoryApi(RackView rack, HistoryStore history) {
        this.rack = rack;
        this.history = history;
    }

    /**
     * @param from       ISO-8601 start (default one hour ago)
     * @param to         ISO-8601 end (default now)
     * @param resolution raw (one point a second) or minute (rollups); default by range length
     */
    public record History(String node, Instant from, Instant to, String resolution, List<HistoryStore.Point> points) {}

    @Get
    public History get(String name, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String resolution, @Nullable @QueryValue String limit) {
        if (rack.node(name).isEmpty()) throw ApiException.notFound("no node named '" + name + "'");
        Instant end = time("to", to, Instant.now());
        Instant start = time("from", from, end.minus(Duration.ofHours(1)));
        if (!start.isBefore(end)) throw ApiException.badRequest("from must be before to");
        String res = resolution == null ? (Duration.between(start, end).compareTo(RAW_UP_TO) <= 0 ? "raw" : "minute") : resolution;
        if (!res.equals("raw") && !res.equals("minute")) {
            throw ApiException.badRequest("resolution must be raw or minute, got '" + resolution + "'");
        }
        int n = limit == null ? 10_000 : EventsApi.parseLimit(limit, MAX_POINTS);
        return new History(name, start, end, res, history.history(name, start, end, res.equals("minute"), n));
    }

    private static Instant time(String field, String value, Instant otherwise) {
        if (value == null) return otherwise;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO-8601 time like 2026-01-01T00:00:00Z, got '" + value + "'");
        }
    }
}
