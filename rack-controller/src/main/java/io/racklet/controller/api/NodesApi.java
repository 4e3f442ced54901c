package io.racklet.controller.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.racklet.controller.auth.Principal;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.racklet.controller.power.CommandPublisher;
import io.racklet.controller.rack.NodeView;
import io.racklet.controller.rack.RackView;
import io.racklet.protocol.message.PowerCommand;
import java.util.List;

/** The nodes of the rack: {@code /api/v1/nodes}. */
@Controller("/api/v1/nodes")
public class NodesApi {
    private final RackView rack;
    private final CommandPublisher commands;

    public NodesApi(RackView rack, CommandPublisher commands) {
        this.rack = rack;
        this.commands = commands;
    }

    @Get
    public List<NodeView> list() {
        return rack.nodes();
    }

    @Get("/{name}")
    public NodeView get(String name) {
        return rack.node(name).orElseThrow(() -> ApiException.notFound("no node named '" + name + "'"));
    }

    /** Accepts any content type (curl's default too); the body must be JSON. */
    @Post(uri = "/{name}/power", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED})
    public HttpResponse<?> power(HttpRequest<?> http, String name, @Nullable @Body String body) {
        get(name);
        PowerRequest request = RequestBodies.parse(body, PowerRequest.class);
        return commands.power(name, request.action(), Principal.requestedBy(http, "api"))
                .<HttpResponse<?>>map(c -> HttpResponse.accepted().body(new Accepted(name, c)))
                .orElseGet(() -> ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "the rack's MQTT broker is not reachable; try again"));
    }

    /** The answer to an accepted power request: the command now on its way to the node's BMC. */
    public record Accepted(String node, PowerCommand command) {}
}
