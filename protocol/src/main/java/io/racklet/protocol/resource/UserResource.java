package io.racklet.protocol.resource;

import java.time.LocalDate;
import java.util.List;

/**
 * A person who uses the rack, with a role and optionally the nodes it is limited to. The signing
 * keys of admins are the keys trusted to sign the rack repository.
 */
public record UserResource(Metadata metadata, Spec spec) implements Resource {

    public enum Role { admin, operator, viewer }

    /**
     * @param role        what the user may do
     * @param nodes       the nodes the user may see and control; empty means all
     * @param signingKeys keys whose signatures count as this user's
     * @param passwordHash bcrypt hash of the password the user logs in to the controller with (null: cannot log in)
     */
    public record Spec(Role role, List<String> nodes, List<SigningKey> signingKeys, String passwordHash) {
        public Spec {
            nodes = nodes == null ? List.of() : List.copyOf(nodes);
            signingKeys = signingKeys == null ? List.of() : List.copyOf(signingKeys);
        }
    }

    /**
     * Exactly one of {@code ssh} (a public key line) and {@code openpgp} (an armoured public key).
     *
     * @param expires the last day (UTC) on which the key may sign; null for no expiry
     */
    public record SigningKey(String ssh, String openpgp, LocalDate expires) {}

    public boolean isAdmin() {
        return spec.role() == Role.admin;
    }
}
