package io.racklet.protocol.resource;

import java.util.List;

/**
 * What a node network-boots: a signed boot manifest's address and the Ed25519 keys (base64 of
 * the raw 32 bytes) of which {@code threshold} distinct ones must have signed it.
 */
public record BootProfileResource(Metadata metadata, Spec spec) implements Resource {

    public record Spec(String manifestUrl, Integer threshold, List<String> keys) {
        public Spec {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        public int requiredSignatures() {
            return threshold == null ? 1 : threshold;
        }
    }
}
