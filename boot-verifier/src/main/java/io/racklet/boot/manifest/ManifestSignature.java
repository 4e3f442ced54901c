package io.racklet.boot.manifest;

import java.util.Base64;

/**
 * One Ed25519 signature over the canonical signed part.
 *
 * @param keyid the signer's key id: sha256 (hex) of its 32-byte raw public key
 * @param sig   the 64-byte signature, base64 (RFC 4648, with padding)
 */
public record ManifestSignature(String keyid, String sig) {
    public ManifestSignature {
        if (keyid == null) throw new IllegalArgumentException("keyid: missing");
        if (!io.racklet.boot.Sha256.isHex(keyid)) throw new IllegalArgumentException("keyid: '" + keyid + "' is not 64 lowercase hex digits");
        if (sig == null) throw new IllegalArgumentException("sig: missing");
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sig: not base64");
        }
        if (raw.length != 64) throw new IllegalArgumentException("sig: " + raw.length + " bytes, an Ed25519 signature has 64");
    }

    public byte[] bytes() {
        return Base64.getDecoder().decode(sig);
    }
}
