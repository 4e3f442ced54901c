package io.racklet.boot;

import io.racklet.boot.manifest.BootManifest;
import io.racklet.boot.manifest.SignedManifest;
import java.nio.file.Path;
import java.util.Set;

/** The outcome of preparing a node's boot: ready to serve, or refused with a reason. */
public sealed interface Preparation {

    /** Everything verified: the node may be powered on and served exactly these blobs. */
    record Prepared(SignedManifest manifest, String manifestId, Set<String> signers, Path kernel, Path initramfs) implements Preparation {
        public BootManifest signed() {
            return manifest.signed();
        }
    }

    /** The node must stay off; {@code refusal} says why (for the BMC's event). */
    record Refused(Refusal refusal) implements Preparation {}
}
