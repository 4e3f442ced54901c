package io.racklet.protocol.resource;

import java.util.List;
import java.util.Optional;

/** Everything a rack repository declares, validated as a whole. */
public record RackDeclaration(RackResource rack, List<NodeResource> nodes) {
    public RackDeclaration {
        nodes = List.copyOf(nodes);
    }

    public Optional<NodeResource> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
