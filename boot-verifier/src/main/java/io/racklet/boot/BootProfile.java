package io.racklet.boot;

import io.racklet.boot.manifest.Artifact;
import io.racklet.boot.verify.TrustPolicy;
import java.net.URI;

/**
 * What a node is assigned to boot (from the signed rack spec): the manifest's name and where it
 * is published, and who must have signed it. Blobs are fetched content-addressed beside the
 * manifest: {@code <manifest URL>/../blobs/<sha256>}.
 */
public record BootProfile(String name, URI manifestUrl, TrustPolicy trust) {

    public BootProfile {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("boot profile: name is missing");
        if (manifestUrl == null) throw new IllegalArgumentException("boot profile '" + name + "': manifest URL is missing");
        String scheme = manifestUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("boot profile '" + name + "': manifest URL " + manifestUrl + " is not http(s)");
        }
        if (trust == null) throw new IllegalArgumentException("boot profile '" + name + "': trusted keys are missing");
    }

    public URI blobUrl(Artifact a) {
        return manifestUrl.resolve("blobs/" + a.sha256());
    }
}
