package io.racklet.controller.auth;

import io.racklet.protocol.resource.UserResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rack's users, from the verified rack spec (replaced on every applied commit): who may log in
 * with which password, in which role, for which nodes.
 */
public final class Accounts {
    private static final String NO_USER_HASH = PasswordHash.create("no such user".toCharArray());
    private volatile Map<String, UserResource> users = Map.of();
    private final LoginThrottle throttle = new LoginThrottle();

    public void update(List<UserResource> declared) {
        Map<String, UserResource> m = new ConcurrentHashMap<>();
        declared.forEach(u -> m.put(u.name(), u));
        users = m;
    }

    public List<UserResource> all() {
        return users.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<Principal> principal(String name) {
        UserResource u = users.get(name);
        return u == null ? Optional.empty() : Optional.of(new Principal(u.name(), u.spec().role(), u.spec().nodes()));
    }

    /**
     * Checks a password; refuses while the user and address are held back after failures.
     *
     * @throws LoginThrottle.HeldBack while failed attempts hold this login back
     */
    public Optional<Principal> login(String name, char[] password, String remote) {
        throttle.check(name, remote);
        UserResource u = name == null ? null : users.get(name);
        // an unknown user costs a bcrypt check too, so timing does not tell who exists
        boolean ok = PasswordHash.matches(u == null ? NO_USER_HASH : u.spec().passwordHash(), password) && u != null
                && u.spec().passwordHash() != null;
        if (!ok) {
            throttle.failed(name, remote);
            return Optional.empty();
        }
        throttle.succeeded(name, remote);
        return principal(name);
    }
}
