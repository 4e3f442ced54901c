package io.racklet.controller.api;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.racklet.controller.rack.RackView;
import io.racklet.protocol.message.PowerTelemetry;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** A node's telemetry as it arrives, as server-sent events: what the dashboard's live chart draws. */
@Controller("/api/v1/nodes/{name}/telemetry/stream")
public class TelemetryStreamApi {
    private final RackView rack;

    public TelemetryStreamApi(RackView rack) {
        this.rack = rack;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<PowerTelemetry>> stream(String name) {
        if (rack.node(name).isEmpty()) throw ApiException.notFound("no node named '" + name + "'");
        return Flux.create(sink -> {
            Runnable stop = rack.onTelemetry((node, t) -> {
                if (node.equals(name)) sink.next(Event.of(t));
            });
            sink.onDispose(stop::run);
        });
    }
}
