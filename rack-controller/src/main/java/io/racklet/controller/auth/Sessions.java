package io.racklet.controller.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login sessions (Redfish sessions and API tokens): a random token per login, held in memory,
 * ended by logout or after 30 minutes unused.
 */
public final class Sessions {
    public static final Duration IDLE = Duration.ofMinutes(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param id the session's public id (its Redfish resource name); the token is secret */
    public record Session(String id, String token, String user, Instant created, Instant lastUsed) {}

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    public Session open(String user) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = Instant.now();
        Session s = new Session(UUID.randomUUID().toString(), token, user, now, now);
        byToken.put(token, s);
        return s;
    }

    /** The live session for a token, marked used now. */
    public Optional<Session> use(String token) {
        if (token == null) return Optional.empty();
        Session s = byToken.get(token);
        if (s == null) return Optional.empty();
        Instant now = Instant.now();
        if (Duration.between(s.lastUsed(), now).compareTo(IDLE) > 0) {
            byToken.remove(token);
            return Optional.empty();
        }
        Session used = new Session(s.id(), s.token(), s.user(), s.created(), now);
        byToken.put(token, used);
        return Optional.of(used);
    }

    public List<Session> all() {
        return List.copyOf(byToken.values());
    }

    public Optional<Session> byId(String id) {
        return byToken.values().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public boolean close(String id) {
        return byToken.values().removeIf(s -> s.id().equals(id));
    }
}
