package io.racklet.controller.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.racklet.controller.metrics.RackMetrics;

/** {@code GET /metrics} for Prometheus. */
@Controller("/metrics")
public class MetricsApi {
    private final RackMetrics metrics;

    public MetricsApi(RackMetrics metrics) {
        this.metrics = metrics;
    }

    @Get
    public HttpResponse<String> scrape() {
        return HttpResponse.ok(metrics.scrape()).contentType(metrics.contentType());
    }
}
