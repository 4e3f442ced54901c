package io.racklet.controller.redfish;

import static io.racklet.controller.redfish.Odata.ROOT;
import static io.racklet.controller.redfish.Odata.collection;
import static io.racklet.controller.redfish.Odata.link;
import static io.racklet.controller.redfish.Odata.resource;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.racklet.controller.events.EventLog;
import io.racklet.controller.events.RackEvent;
import io.racklet.protocol.topic.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Redfish EventService: the rack's events (power changes, faults, sync refusals, each with its
 * cause) as a server-sent event stream of {@code Event} resources, which Redfish clients read
 * at {@code ServerSentEventUri}. Push subscriptions are not offered.
 */
@Controller("/redfish/v1/EventService")
public class RedfishEventService {
    private final EventLog events;
    private final AtomicLong ids = new AtomicLong();

    public RedfishEventService(EventLog events) {
        this.events = events;
    }

    @Get
    public Map<String, Object> service() {
        Map<String, Object> r = resource("#EventService.v1_10_0.EventService", ROOT + "/EventService", "EventService", "Event Service");
        r.put("ServiceEnabled", true);
        r.put("Status", Map.of("State", "Enabled", "Health", "OK"));
        r.put("ServerSentEventUri", ROOT + "/EventService/SSE");
        r.put("DeliveryRetryAttempts", 0);
        r.put("DeliveryRetryIntervalSeconds", 0);
        r.put("EventFormatTypes", List.of("Event"));
        r.put("RegistryPrefixes", List.of("Racklet"));
        r.put("Subscriptions", link(ROOT + "/EventService/Subscriptions"));
        return r;
    }

    @Get("/Subscriptions")
    public Map<String, Object> subscriptions() {
        return collection("#EventDestinationCollection.EventDestinationCollection", ROOT + "/EventService/Subscriptions",
                "Event Subscriptions", List.of());
    }

    @Get(value = "/SSE", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<Map<String, Object>>> stream() {
        return Flux.create(sink -> {
            Runnable stop = events.onEvent(e -> {
                long id = ids.incrementAndGet();
                sink.next(Event.of(event(id, e)).id(Long.toString(id)));
            });
            sink.onDispose(stop::run);
        });
    }

    /** One rack event as a Redfish Event with a single record. */
    static Map<String, Object> event(long id, RackEvent e) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("EventId", e.node() + "-" + e.seq());
        record.put("EventTimestamp", e.ts().toString());
        record.put("MessageSeverity", severity(e.kind()));
        record.put("Message", e.node() + ": " + e.message() + (e.cause() == null ? "" : " (cause: " + e.cause() + ")"));
        record.put("MessageId", "Racklet.1.0." + e.kind());
        record.put("OriginOfCondition", link(origin(e.node())));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("@odata.type", "#Event.v1_7_0.Event");
        r.put("Id", Long.toString(id));
        r.put("Name", "Racklet event");
        r.put("Events", List.of(record));
        return r;
    }

    private static String origin(String node) {
        if (Topics.RMC.equals(node)) return ROOT + "/Managers/rmc";
        if (Topics.isReserved(node)) return ROOT;
        return ROOT + "/Systems/" + node;
    }

    private static String severity(String kind) {
        if (kind.endsWith(".failed") || kind.contains("overcurrent") || kind.equals("thermal.shutdown") || kind.equals("thermal.critical")) {
            return "Critical";
        }
        if (kind.endsWith(".refused") || kind.endsWith(".lost") || kind.equals("thermal.warn") || kind.contains("failsafe")
                || kind.endsWith(".invalid")) {
            return "Warning";
        }
        return "OK";
    }
}
