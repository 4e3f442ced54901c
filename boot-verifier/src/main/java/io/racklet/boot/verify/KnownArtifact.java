package io.racklet.boot.verify;

import io.racklet.boot.manifest.Artifact;
import io.racklet.boot.manifest.ArtifactRole;
import io.racklet.boot.manifest.BootManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * An artifact of some manifest, with words for it: a file that is not the expected artifact but
 * one of these was taken from elsewhere, and the refusal says from where.
 */
public record KnownArtifact(Artifact artifact, String description) {

    /** The other artifacts of {@code m} than {@code role}: a swapped kernel and initramfs are mixed too. */
    public static List<KnownArtifact> othersOf(BootManifest m, ArtifactRole role) {
        List<KnownArtifact> l = new ArrayList<>();
        for (ArtifactRole r : ArtifactRole.values()) {
            if (r != role) l.add(new KnownArtifact(r.of(m), "this manifest's " + r.label()));
        }
        return l;
    }

    /** Every artifact of another manifest. */
    public static List<KnownArtifact> of(BootManifest m) {
        List<KnownArtifact> l = new ArrayList<>();
        for (ArtifactRole r : ArtifactRole.values()) {
            l.add(new KnownArtifact(r.of(m), "the " + r.label() + " of manifest '" + m.name() + "' version " + m.version()));
        }
        return l;
    }
}
