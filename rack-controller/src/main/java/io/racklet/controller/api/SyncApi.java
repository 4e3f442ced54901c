package io.racklet.controller.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.racklet.controller.rack.RackView;
import io.racklet.controller.sync.ControllerSync;
import io.racklet.protocol.message.SyncStatus;
import io.racklet.sync.AppliedSpec;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The signed rack repository as each agent sees it: {@code /api/v1/sync}. */
@Controller("/api/v1/sync")
public class SyncApi {
    private final RackView rack;
    private final ControllerSync sync;

    public SyncApi(RackView rack, ControllerSync sync) {
        this.rack = rack;
        this.sync = sync;
    }

    /**
     * @param enabled    whether the controller follows a rack repository
     * @param controller the controller's own verification: applied commit, signer, last refusal
     * @param cause      what the applied spec's actions name as their cause ("commit ... signed by ...")
     * @param agents     every agent's retained sync status (BMCs, RMC, controller)
     */
    public record SyncReport(boolean enabled, SyncStatus controller, String cause, List<SyncStatus> agents) {}

    @Get
    public SyncReport get() {
        return new SyncReport(sync.enabled(), sync.status().orElse(null), sync.applied().map(AppliedSpec::cause).orElse(null),
                rack.syncStatuses());
    }

    /** Fetches now (the controller and, through MQTT, every agent); answers after the controller's own check. */
    @Post
    public HttpResponse<?> syncNow(io.micronaut.http.HttpRequest<?> request) {
        if (!sync.enabled()) {
            throw new ApiException(HttpStatus.CONFLICT, "the controller has no rack repository configured (sync: in its configuration)");
        }
        try {
            sync.syncNow(io.racklet.controller.auth.Principal.requestedBy(request, "api")).get(20, TimeUnit.SECONDS);
            return HttpResponse.ok(get());
        } catch (TimeoutException e) {
            return HttpResponse.accepted().body(get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponse.accepted().body(get());
        } catch (ExecutionException e) {
            return ApiError.response(HttpStatus.INTERNAL_SERVER_ERROR, "sync failed: " + e.getCause().getMessage());
        }
    }
}
