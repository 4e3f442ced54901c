package io.racklet.controller.auth;

import io.racklet.protocol.resource.UserResource.Role;
import java.util.List;

/**
 * Who is asking, as the signed rack spec declares them: a role and, for tenants sharing a rack,
 * the nodes they are limited to (empty: all).
 */
public record Principal(String name, Role role, List<String> nodes) {
    public static final String ATTRIBUTE = "racklet.principal";

    public Principal {
        nodes = List.copyOf(nodes);
    }

    /** May power, reset or type into this node (null: an action on no single node). */
    public boolean mayControl(String node) {
        if (role == Role.admin) return true;
        if (role != Role.operator) return false;
        return node == null || nodes.isEmpty() || nodes.contains(node);
    }

    /** What commands name as who asked. */
    public String requestedBy(String channel) {
        return channel + " user " + name;
    }

    /** Who asked through this request (the filter let it through only with a permitted user). */
    public static String requestedBy(io.micronaut.http.HttpRequest<?> request, String channel) {
        return request.getAttribute(ATTRIBUTE, Principal.class).map(p -> p.requestedBy(channel)).orElse(channel);
    }
}
