package io.racklet.protocol.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A request to an agent, on {@code racklet/<rack>/<node>/commands} (or {@code .../rmc/commands}),
 * told apart by {@code type}.
 * Becomes the payload of a signed envelope once commands are signed; the BMC names {@code id}
 * and {@code requestedBy} as the cause of what it does.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PowerCommand.class, name = "power"),
    @JsonSubTypes.Type(value = ConsoleInput.class, name = "console"),
    @JsonSubTypes.Type(value = PowerRequest.class, name = "power-request"),
    @JsonSubTypes.Type(value = PowerGrant.class, name = "power-grant"),
    @JsonSubTypes.Type(value = SyncNow.class, name = "sync")
})
public sealed interface Command extends Message permits PowerCommand, ConsoleInput, PowerRequest, PowerGrant, SyncNow {
    String id();

    Instant issuedAt();

    String requestedBy();

    default String cause() {
        return "command " + id() + (requestedBy() == null ? "" : " from " + requestedBy());
    }
}
