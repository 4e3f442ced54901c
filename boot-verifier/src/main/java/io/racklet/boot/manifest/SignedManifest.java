package io.racklet.boot.manifest;

import java.util.List;

/** A manifest as published: the signed part and the signatures over it. */
public record SignedManifest(BootManifest signed, List<ManifestSignature> signatures) {
    /** More signatures than this is noise an attacker adds to make verification slow. */
    public static final int MAX_SIGNATURES = 32;

    public SignedManifest {
        if (signed == null) throw new IllegalArgumentException("signed: missing");
        if (signatures == null) throw new IllegalArgumentException("signatures: missing");
        if (signatures.size() > MAX_SIGNATURES) throw new IllegalArgumentException("signatures: more than " + MAX_SIGNATURES);
        for (int i = 0; i < signatures.size(); i++) {
            if (signatures.get(i) == null) throw new IllegalArgumentException("signatures[" + i + "]: null");
        }
        signatures = List.copyOf(signatures);
    }

    /** The manifest's identity: sha256 of its canonical signed part (signatures excluded). */
    public String id() {
        return ManifestCodec.id(signed);
    }
}
