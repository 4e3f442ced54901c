package io.racklet.controller.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.racklet.controller.events.EventLog;
import io.racklet.controller.events.RackEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The rack's event log: {@code GET /api/v1/events?node=&kind=&since=&limit=}. */
@Controller("/api/v1/events")
public class EventsApi {
    static final int MAX_LIMIT = 1000;
    private final EventLog events;

    public EventsApi(EventLog events) {
        this.events = events;
    }

    /**
     * @param node  only this node's events
     * @param kind  only kinds starting with this, e.g. "power" or "power.off"
     * @param since only events at or after this ISO-8601 time
     * @param limit at most this many, newest (default 100, at most 1000)
     */
    @Get
    public List<RackEvent> list(@Nullable @QueryValue String node, @Nullable @QueryValue String kind,
            @Nullable @QueryValue String since, @Nullable @QueryValue String limit) {
        return events.query(node, kind, parseSince(since), parseLimit(limit, MAX_LIMIT));
    }

    static int parseLimit(String limit, int max) {
        if (limit == null) return 100;
        try {
            int n = Integer.parseInt(limit);
            if (n < 1 || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a whole number from 1 to " + max + ", got '" + limit + "'");
        }
    }

    private static Instant parseSince(String since) {
        if (since == null) return null;
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("since must be an ISO-8601 time like 2026-01-01T00:00:00Z, got '" + since + "'");
        }
    }
}
