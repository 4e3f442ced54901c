package io.racklet.controller.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins hold back further attempts for the same user from the same address, with a
 * back-off that doubles from 1 s after the third failure up to 5 minutes. A success clears it.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 3;
    static final Duration MAX = Duration.ofMinutes(5);

    private record Failures(int count, Instant until) {}

    /** A login refused without checking the password. */
    public static final class HeldBack extends RuntimeException {
        private final long seconds;

        HeldBack(long seconds) {
            super("too many failed logins: try again in " + seconds + " s");
            this.seconds = seconds;
        }

        public long seconds() {
            return seconds;
        }
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    void check(String user, String remote) {
        Failures f = failures.get(key(user, remote));
        Instant now = Instant.now();
        if (f != null && f.until() != null && now.isBefore(f.until())) {
            throw new HeldBack(Math.max(1, Duration.between(now, f.until()).toSeconds() + 1));
        }
    }

    void failed(String user, String remote) {
        failures.compute(key(user, remote), (k, f) -> {
            int n = f == null ? 1 : f.count() + 1;
            if (n < FREE_FAILURES) return new Failures(n, null);
            long seconds = Math.min(MAX.toSeconds(), 1L << Math.min(20, n - FREE_FAILURES));
            return new Failures(n, Instant.now().plusSeconds(seconds));
        });
        if (failures.size() > 10_000) failures.clear(); // bounded: an attacker cannot fill memory
    }

    void succeeded(String user, String remote) {
        failures.remove(key(user, remote));
    }

    private static String key(String user, String remote) {
        return user + "@" + remote;
    }
}
