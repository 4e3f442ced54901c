package io.racklet.boot.verify;

import io.racklet.boot.BootRefusedException;
import io.racklet.boot.Refusal;
import io.racklet.boot.manifest.ManifestCodec;
import io.racklet.boot.manifest.ManifestSignature;
import io.racklet.boot.keys.PublicKey;
import io.racklet.boot.manifest.SignedManifest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts the distinct trusted keys whose signature over the canonical signed part verifies. A key
 * that signs twice counts once; signatures by unknown keys and bad signatures count nothing.
 */
public final class SignatureCheck {
    private SignatureCheck() {}

    /** @return the ids of the keys that counted (at least the threshold) */
    public static Set<String> require(SignedManifest m, TrustPolicy policy) throws BootRefusedException {
        byte[] canonical = ManifestCodec.canonical(m.signed());
        Set<String> counted = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>(), duplicate = new ArrayList<>(), bad = new ArrayList<>();
        for (ManifestSignature s : m.signatures()) {
            PublicKey key = policy.keys().get(s.keyid());
            if (key == null) {
                unknown.add(s.keyid());
            } else if (counted.contains(s.keyid())) {
                duplicate.add(s.keyid());
            } else if (key.verifies(canonical, s.bytes())) {
                counted.add(s.keyid());
            } else {
                bad.add(s.keyid());
            }
        }
        if (counted.size() >= policy.threshold()) return counted;
        StringBuilder why = new StringBuilder("threshold not met: " + counted.size() + " of the " + policy.threshold()
                + " required distinct trusted keys signed (" + m.signatures().size() + " signatures)");
        duplicate.forEach(k -> why.append("; key ").append(shortId(k)).append(" signed more than once and counts once"));
        unknown.forEach(k -> why.append("; key ").append(shortId(k)).append(" is not trusted by this profile"));
        bad.forEach(k -> why.append("; the signature of key ").append(shortId(k)).append(" does not verify"));
        // the most specific cause first: it is what an operator has to fix or investigate
        Refusal.Reason reason = !duplicate.isEmpty() ? Refusal.Reason.DUPLICATE_KEY
                : !unknown.isEmpty() ? Refusal.Reason.UNKNOWN_KEY
                : !bad.isEmpty() ? Refusal.Reason.BAD_SIGNATURE
                : Refusal.Reason.THRESHOLD_NOT_MET;
        throw new BootRefusedException(reason, why.toString());
    }

    static String shortId(String id) {
        return id.substring(0, 16);
    }
}
