package io.racklet.controller.api;

import io.racklet.protocol.message.PowerAction;

/** Body of {@code POST /api/v1/nodes/{name}/power}: {@code {"action":"on|off|cycle"}}. */
public record PowerRequest(PowerAction action) {
    public PowerRequest {
        if (action == null) throw new IllegalArgumentException("action is required (on, off or cycle)");
    }
}
