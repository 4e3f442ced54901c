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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.racklet.controller.console.ConsoleBuffer;
import io.racklet.controller.power.CommandPublisher;
import io.racklet.controller.rack.RackView;
import io.racklet.protocol.message.ConsoleInput;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** A node's serial console: history, live stream and input. */
@Controller("/api/v1/nodes/{name}/console")
public class ConsoleApi {
    static final int MAX_TAIL = 10_000;
    private final RackView rack;
    private final ConsoleBuffer console;
    private final CommandPublisher commands;

    public ConsoleApi(RackView rack, ConsoleBuffer console, CommandPublisher commands) {
        this.rack = rack;
        this.console = console;
        this.commands = commands;
    }

    /** The last {@code tail} lines (default 100) as plain text, as a terminal would show them. */
    @Get
    @Produces(MediaType.TEXT_PLAIN)
    public String tail(String name, @Nullable @QueryValue String tail) {
        requireNode(name);
        int n = 100;
        if (tail != null) {
            try {
                n = Integer.parseInt(tail);
                if (n < 1 || n > MAX_TAIL) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("tail must be a whole number from 1 to " + MAX_TAIL + ", got '" + tail + "'");
            }
        }
        var lines = console.tail(name, n);
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** Console output as it arrives, as server-sent events whose data is the raw text. */
    @Get(uri = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<String>> stream(String name) {
        requireNode(name);
        return Flux.create(sink -> {
            Runnable stop = console.follow((node, data) -> {
                if (node.equals(name)) sink.next(Event.of(data));
            });
            sink.onDispose(stop::run);
        });
    }

    /** Types into the node's console: {@code {"data":"uname -a\n"}}. */
    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED})
    public HttpResponse<?> input(HttpRequest<?> http, String name, @Nullable @Body String body) {
        requireNode(name);
        ConsoleInputRequest request = RequestBodies.parse(body, ConsoleInputRequest.class);
        return commands.consoleInput(name, request.data(), Principal.requestedBy(http, "api"))
                .<HttpResponse<?>>map(c -> HttpResponse.accepted().body(new Sent(name, c.id())))
                .orElseGet(() -> ApiError.response(HttpStatus.SERVICE_UNAVAILABLE, "the rack's MQTT broker is not reachable; try again"));
    }

    public record ConsoleInputRequest(String data) {
        public ConsoleInputRequest {
            if (data == null || data.isEmpty()) throw new IllegalArgumentException("data is required");
            if (data.length() > ConsoleInput.MAX_DATA) {
                throw new IllegalArgumentException("data is longer than " + ConsoleInput.MAX_DATA + " characters; send it in parts");
            }
        }
    }

    public record Sent(String node, String commandId) {}

    private void requireNode(String name) {
        if (rack.node(name).isEmpty()) throw ApiException.notFound("no node named '" + name + "'");
    }
}
