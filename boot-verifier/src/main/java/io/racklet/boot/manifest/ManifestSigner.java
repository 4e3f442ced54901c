package io.racklet.boot.manifest;

import io.racklet.boot.keys.SigningKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Signs a manifest's canonical signed part with each given key, in order. */
public final class ManifestSigner {
    private ManifestSigner() {}

    public static SignedManifest sign(BootManifest manifest, List<SigningKey> keys) {
        byte[] canonical = ManifestCodec.canonical(manifest);
        List<ManifestSignature> sigs = new ArrayList<>();
        for (SigningKey k : keys) {
            sigs.add(new ManifestSignature(k.publicKey().id(), Base64.getEncoder().encodeToString(k.sign(canonical))));
        }
        return new SignedManifest(manifest, sigs);
    }
}
