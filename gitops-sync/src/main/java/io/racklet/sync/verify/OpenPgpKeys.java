package io.racklet.sync.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.util.encoders.Hex;

/** Reading armoured OpenPGP public keys with BouncyCastle. */
final class OpenPgpKeys {
    private OpenPgpKeys() {}

    static PGPPublicKeyRing parse(String armoured, String owner) {
        PGPPublicKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoured.getBytes(StandardCharsets.US_ASCII)))) {
            rings = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
        } catch (IOException | PGPException | RuntimeException e) {
            // BouncyCastle reports some malformed packets unchecked (e.g. an unknown key packet version)
            throw new IllegalArgumentException("the OpenPGP key of " + owner + " cannot be read: " + e.getMessage());
        }
        Iterator<PGPPublicKeyRing> it = rings.getKeyRings();
        if (!it.hasNext()) throw new IllegalArgumentException("the OpenPGP key of " + owner + " holds no public key");
        PGPPublicKeyRing ring = it.next();
        if (it.hasNext()) throw new IllegalArgumentException("the OpenPGP key of " + owner + " holds more than one key; give one per entry");
        return ring;
    }

    static String fingerprint(PGPPublicKey key) {
        return Hex.toHexString(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    static String userId(PGPPublicKeyRing ring) {
        Iterator<byte[]> ids = ring.getPublicKey().getRawUserIDs();
        return ids.hasNext() ? new String(ids.next(), StandardCharsets.UTF_8) : fingerprint(ring.getPublicKey());
    }

    /** The key's own expiry (from its self-signature), or null if it does not expire. */
    static Instant expiry(PGPPublicKey key) {
        long seconds = key.getValidSeconds();
        return seconds <= 0 ? null : key.getCreationTime().toInstant().plusSeconds(seconds);
    }
}
