package io.racklet.protocol.resource;

/**
 * A Kubernetes-style resource of the rack's declared state ({@code apiVersion}, {@code kind},
 * {@code metadata}, {@code spec}), as admins write it in the rack repository.
 */
public sealed interface Resource permits RackResource, NodeResource, FanPolicyResource, BootProfileResource, UserResource {
    String API_VERSION = "racklet.io/v1alpha1";

    Metadata metadata();

    default String name() {
        return metadata().name();
    }
}
