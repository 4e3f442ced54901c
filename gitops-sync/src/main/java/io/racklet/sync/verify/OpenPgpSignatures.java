package io.racklet.sync.verify;

import io.racklet.sync.SyncRefusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/** Verifies an OpenPGP commit signature against the trusted keys only (no GnuPG keyring). */
final class OpenPgpSignatures {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private OpenPgpSignatures() {}

    static TrustedKey verify(String commit, SignedPayload payload, TrustSet trust, Instant now) throws SyncRefusal {
        PGPSignature sig = read(commit, payload.signature());
        String keyId = String.format(Locale.ROOT, "%016X", sig.getKeyID());
        for (TrustedKey trusted : trust.ofFormat(TrustedKey.Format.OPENPGP)) {
            PGPPublicKeyRing ring = OpenPgpKeys.parse(trusted.material(), trusted.owner());
            PGPPublicKey key = ring.getPublicKey(sig.getKeyID());
            if (key == null) continue;
            if (ring.getPublicKey().hasRevocation() || key.hasRevocation()) {
                throw new SyncRefusal(commit, "signed by the revoked OpenPGP key " + keyId + " of " + trusted.owner());
            }
            Instant expiry = OpenPgpKeys.expiry(ring.getPublicKey());
            if (expiry != null && now.isAfter(expiry)) {
                throw new SyncRefusal(commit, "signed by the OpenPGP key " + keyId + " of " + trusted.owner() + ", which expired on " + expiry);
            }
            try {
                sig.init(new JcaPGPContentVerifierBuilderProvider().setProvider(BC), key);
                sig.update(payload.data());
                if (!sig.verify()) {
                    throw new SyncRefusal(commit, "bad OpenPGP signature by " + trusted.owner()
                            + ": the commit is not what was signed (tampered or forged)");
                }
            } catch (PGPException e) {
                throw new SyncRefusal(commit, "OpenPGP signature cannot be checked: " + e.getMessage());
            }
            return trusted;
        }
        throw new SyncRefusal(commit, "signed by OpenPGP key " + keyId + ", which is not a trusted admin key");
    }

    private static PGPSignature read(String commit, byte[] armoured) throws SyncRefusal {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoured))) {
            Object o = new JcaPGPObjectFactory(in).nextObject();
            if (o instanceof PGPSignatureList list && !list.isEmpty()) return list.get(0);
        } catch (IOException e) {
            // reported below
        }
        throw new SyncRefusal(commit, "the commit's OpenPGP signature cannot be read");
    }
}
