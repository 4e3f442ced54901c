package io.racklet.protocol.resource;

import java.util.List;
import java.util.Optional;

/** Everything a rack repository declares, validated as a whole. */
public record RackDeclaration(RackResource rack, List<NodeResource> nodes, Optional<FanPolicyResource> fanPolicy,
        List<BootProfileResource> bootProfiles, List<UserResource> users) {
    public RackDeclaration {
        nodes = List.copyOf(nodes);
        bootProfiles = List.copyOf(bootProfiles);
        users = List.copyOf(users);
    }

    public RackDeclaration(RackResource rack, List<NodeResource> nodes) {
        this(rack, nodes, Optional.empty(), List.of(), List.of());
    }

    public Optional<NodeResource> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<BootProfileResource> bootProfile(String name) {
        return bootProfiles.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public List<UserResource> admins() {
        return users.stream().filter(UserResource::isAdmin).toList();
    }
}
