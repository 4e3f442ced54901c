package io.racklet.protocol.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A request to a BMC, on {@code racklet/<rack>/<node>/commands}, told apart by {@code type}.
 * Becomes the payload of a signed envelope once commands are signed; the BMC names {@code id}
 * and {@code requestedBy} as the cause of what it does.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PowerCommand.class, name = "power"),
    @JsonSubTypes.Type(value = ConsoleInput.class, name = "console")
})
public sealed interface Command extends Message permits PowerCommand, ConsoleInput {
    String id();

    Instant issuedAt();

    String requestedBy();

    default String cause() {
        return "command " + id() + (requestedBy() == null ? "" : " from " + requestedBy());
    }
}
