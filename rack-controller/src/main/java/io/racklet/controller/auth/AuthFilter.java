package io.racklet.controller.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.racklet.controller.api.ApiError;
import io.racklet.controller.redfish.RedfishError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may change what: every mutation of the API and Redfish needs a user of the signed rack
 * spec (HTTP Basic, or a session token from a login as {@code X-Auth-Token} or Bearer), whose
 * role allows it on the node it targets. Reads stay open (dashboards, Prometheus, Home
 * Assistant); wrong credentials are refused everywhere, and refusals are logged.
 */
@ServerFilter(patterns = {"/api/**", "/redfish/**"})
public class AuthFilter {
    private static final Logger log = LoggerFactory.getLogger(AuthFilter.class);
    private static final Pattern NODE = Pattern.compile("^/(?:api/v1/nodes|redfish/v1/Systems)/([^/]+)/.+");

    private final Accounts accounts;
    private final Sessions sessions;

    public AuthFilter(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        String path = request.getPath();
        boolean redfish = path.startsWith("/redfish");
        Optional<Principal> principal;
        try {
            principal = authenticate(request);
        } catch (LoginThrottle.HeldBack e) {
            log.warn("refused {} {} from {}: {}", request.getMethod(), path, request.getRemoteAddress(), e.getMessage());
            return error(redfish, HttpStatus.TOO_MANY_REQUESTS, e.getMessage()).header("Retry-After", Long.toString(e.seconds()));
        } catch (BadCredentials e) {
            log.warn("refused {} {} from {}: {}", request.getMethod(), path, request.getRemoteAddress(), e.getMessage());
            return unauthorized(redfish, e.getMessage());
        }
        principal.ifPresent(p -> request.setAttribute(Principal.ATTRIBUTE, p));
        HttpMethod m = request.getMethod();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS || isLogin(m, path)) {
            return null;
        }
        if (principal.isEmpty()) {
            log.warn("refused unauthenticated {} {} from {}", m, path, request.getRemoteAddress());
            return unauthorized(redfish, "log in to change the rack: HTTP Basic with a user of the rack spec, or a session token");
        }
        Principal p = principal.get();
        Matcher node = NODE.matcher(path);
        String target = node.matches() ? node.group(1) : null;
        boolean sessionEnd = m == HttpMethod.DELETE && (path.startsWith("/api/v1/session") || path.startsWith("/redfish/v1/SessionService/Sessions/"));
        if (!sessionEnd && !p.mayControl(target)) {
            log.warn("refused {} {} by {} ({}): not permitted", m, path, p.name(), p.role());
            return error(redfish, HttpStatus.FORBIDDEN, "user " + p.name() + " (" + p.role() + (p.nodes().isEmpty() ? "" : " of " + p.nodes())
                    + ") may not " + (target == null ? "do this" : "control " + target));
        }
        return null;
    }

    private static boolean isLogin(HttpMethod m, String path) {
        return m == HttpMethod.POST && (path.equals("/api/v1/session") || path.equals("/redfish/v1/SessionService/Sessions"));
    }

    private Optional<Principal> authenticate(HttpRequest<?> request) {
        String token = request.getHeaders().get("X-Auth-Token");
        String authorization = request.getHeaders().get("Authorization");
        if (token == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).trim();
        }
        if (token != null) {
            var session = sessions.use(token).orElseThrow(() -> new BadCredentials("the session token is unknown or expired; log in again"));
            return accounts.principal(session.user());
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadCredentials("the Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) throw new BadCredentials("the Basic credentials are not user:password");
            String user = decoded.substring(0, colon);
            // some clients (redfishtool without -u) send empty Basic credentials: that is no login at all
            if (user.isEmpty() && colon == decoded.length() - 1) return Optional.empty();
            return Optional.of(accounts.login(user, decoded.substring(colon + 1).toCharArray(), remote(request))
                    .orElseThrow(() -> new BadCredentials("wrong user or password")));
        }
        return Optional.empty();
    }

    static String remote(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    private static MutableHttpResponse<?> unauthorized(boolean redfish, String message) {
        return error(redfish, HttpStatus.UNAUTHORIZED, message).header("WWW-Authenticate", "Basic realm=\"racklet\"");
    }

    private static MutableHttpResponse<?> error(boolean redfish, HttpStatus status, String message) {
        return (MutableHttpResponse<?>) (redfish ? RedfishError.respond(status, status == HttpStatus.FORBIDDEN
                ? "Base.1.0.InsufficientPrivilege" : "Base.1.0.NoValidSession", message) : ApiError.response(status, message));
    }

    /** Credentials were given but are wrong: refused even for reads. */
    static final class BadCredentials extends RuntimeException {
        BadCredentials(String message) {
            super(message);
        }
    }
}
