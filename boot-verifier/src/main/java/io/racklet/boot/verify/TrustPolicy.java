package io.racklet.boot.verify;

import io.racklet.boot.keys.PublicKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Who may approve a boot: the trusted keys (by id) and how many of them must sign. */
public record TrustPolicy(Map<String, PublicKey> keys, int threshold) {

    public TrustPolicy {
        keys = Map.copyOf(keys);
        if (keys.isEmpty()) throw new IllegalArgumentException("a trust policy needs at least one key");
        if (threshold < 1 || threshold > keys.size()) {
            throw new IllegalArgumentException("threshold " + threshold + " must be between 1 and the number of keys (" + keys.size() + ")");
        }
    }

    public static TrustPolicy of(Collection<PublicKey> keys, int threshold) {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        for (PublicKey k : keys) {
            if (byId.put(k.id(), k) != null) throw new IllegalArgumentException("key " + k.id() + " is listed twice");
        }
        return new TrustPolicy(byId, threshold);
    }
}
