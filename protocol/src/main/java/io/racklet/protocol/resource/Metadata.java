package io.racklet.protocol.resource;

import java.util.Map;

public record Metadata(String name, Map<String, String> labels) {
    public Metadata {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
