package io.racklet.protocol.resource;

import java.util.List;
import java.util.Optional;

/** Everything a rack repository declares, validated as a whole. */
public record RackDeclaration(RackResource rack, List<NodeResource> nodes, Optional<FanPolicyResource> fanPolicy) {
    public RackDeclaration {
        nodes = List.copyOf(nodes);
    }

    public RackDeclaration(RackResource rack, List<NodeResource> nodes) {
        this(rack, nodes, Optional.empty());
    }

    public Optional<NodeResource> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
