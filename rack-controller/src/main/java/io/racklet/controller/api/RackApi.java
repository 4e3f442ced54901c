package io.racklet.controller.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.racklet.controller.rack.RackView;
import io.racklet.protocol.message.RackTelemetry;
import java.time.Instant;
import java.util.List;

/** The rack as a whole, from its RMC: {@code /api/v1/rack}. */
@Controller("/api/v1/rack")
public class RackApi {
    private final RackView rack;

    public RackApi(RackView rack) {
        this.rack = rack;
    }

    /**
     * @param watts         the rack's draw (sum of the nodes' power), null before the RMC reports
     * @param budgetWatts   the power budget from the rack spec, null if none
     * @param headroomWatts budget minus draw minus power reserved for nodes being switched on
     * @param queued        nodes waiting for budget to power on
     * @param zone          cooling: mode (pid, curve, failsafe), cause, temperature, target
     */
    public record RackSummary(String name, int nodes, Double watts, Double budgetWatts, Double headroomWatts,
            List<String> queued, RackTelemetry.Zone zone, List<RackTelemetry.Fan> fans, List<RackTelemetry.Sensor> sensors,
            Instant updatedAt) {}

    @Get
    public RackSummary get() {
        var t = rack.rackTelemetry();
        return t.map(x -> new RackSummary(rack.rack(), rack.nodes().size(), x.watts(), x.budgetWatts(), x.headroomWatts(),
                        x.queued(), x.zone(), x.fans(), x.sensors(), x.ts()))
                .orElseGet(() -> new RackSummary(rack.rack(), rack.nodes().size(), null, null, null, List.of(), null,
                        List.of(), List.of(), null));
    }
}
