package io.racklet.sync.verify;

import io.racklet.protocol.resource.RackDeclaration;
import io.racklet.protocol.resource.UserResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin keys trusted at one commit, and how many of them must sign a change to this set.
 * An agent starts from the keys pinned in its configuration; from then on the set is what the
 * verified history declares (the signing keys of Users with role admin), and it may only change
 * in a commit signed by {@code threshold} keys that were trusted before the change.
 */
public record TrustSet(List<TrustedKey> keys, int threshold) {
    public TrustSet {
        keys = List.copyOf(keys);
        if (threshold < 1) throw new IllegalArgumentException("threshold must be at least 1");
    }

    /** The set a commit's spec declares; the pinned one while the spec declares no admin keys. */
    public static TrustSet declaredBy(RackDeclaration spec, TrustSet pinned) {
        List<TrustedKey> keys = new ArrayList<>();
        for (UserResource admin : spec.admins()) {
            var signingKeys = admin.spec().signingKeys();
            for (int i = 0; i < signingKeys.size(); i++) {
                var k = signingKeys.get(i);
                try {
                    keys.add(k.ssh() != null ? TrustedKey.ssh(admin.name(), k.ssh(), k.expires())
                            : TrustedKey.openpgp(admin.name(), k.openpgp(), k.expires()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("User '" + admin.name() + "' signingKeys[" + i + "]: " + e.getMessage());
                }
            }
        }
        return new TrustSet(keys.isEmpty() ? pinned.keys() : keys, spec.rack().spec().threshold());
    }

    public Optional<TrustedKey> byFingerprint(String fingerprint) {
        return keys.stream().filter(k -> k.fingerprint().equalsIgnoreCase(fingerprint)).findFirst();
    }

    public List<TrustedKey> ofFormat(TrustedKey.Format format) {
        return keys.stream().filter(k -> k.format() == format).toList();
    }

    /** Same keys for the same owners with the same expiry, and the same threshold. */
    public boolean sameTrustAs(TrustSet other) {
        return threshold == other.threshold && identity().equals(other.identity());
    }

    private Set<String> identity() {
        return keys.stream().map(k -> k.owner() + "|" + k.fingerprint() + "|" + Objects.toString(k.expires()))
                .collect(Collectors.toSet());
    }

    public String describe() {
        return keys.stream().map(TrustedKey::describe).collect(Collectors.joining(", "))
                + (threshold > 1 ? "; " + threshold + " must sign a change of admins" : "");
    }
}
