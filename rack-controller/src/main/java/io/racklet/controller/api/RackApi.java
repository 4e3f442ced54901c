package io.racklet.controller.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.racklet.controller.rack.RackView;
import java.time.Instant;

/** The rack as a whole: {@code /api/v1/rack}. */
@Controller("/api/v1/rack")
public class RackApi {
    private final RackView rack;

    public RackApi(RackView rack) {
        this.rack = rack;
    }

    /** @param watts the RMC's latest rack-level sum, null before it reports */
    public record RackSummary(String name, int nodes, Double watts, Instant updatedAt) {}

    @Get
    public RackSummary get() {
        var t = rack.rackTelemetry();
        return new RackSummary(rack.rack(), rack.nodes().size(), t.map(x -> x.watts()).orElse(null),
                t.map(x -> x.ts()).orElse(null));
    }
}
