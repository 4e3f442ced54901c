package io.racklet.controller.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.racklet.controller.auth.Accounts;
import io.racklet.controller.auth.LoginThrottle;
import io.racklet.controller.auth.Principal;
import io.racklet.controller.auth.Sessions;
import java.util.List;

/** Logging in to the API and dashboard: {@code /api/v1/session} gives a token for {@code X-Auth-Token}. */
@Controller("/api/v1/session")
public class SessionApi {
    private final Accounts accounts;
    private final Sessions sessions;

    public SessionApi(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** The body of a login. */
    public record Login(String user, String password) {
        public Login {
            if (user == null || user.isBlank()) throw new IllegalArgumentException("field 'user': missing (required)");
            if (password == null) throw new IllegalArgumentException("field 'password': missing (required)");
        }
    }

    /** Who is logged in: the token to send as X-Auth-Token, and what the user may do. */
    public record Who(String user, String role, List<String> nodes, String token) {}

    @Post(consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<?> login(HttpRequest<?> request, @Nullable @Body String body) {
        Login login = RequestBodies.parse(body, Login.class);
        Principal p;
        try {
            p = accounts.login(login.user(), login.password().toCharArray(), request.getRemoteAddress().getAddress().getHostAddress())
                    .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "wrong user or password"));
        } catch (LoginThrottle.HeldBack e) {
            return ((io.micronaut.http.MutableHttpResponse<?>) ApiError.response(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()))
                    .header("Retry-After", Long.toString(e.seconds()));
        }
        Sessions.Session s = sessions.open(p.name());
        return HttpResponse.created(new Who(p.name(), p.role().name(), p.nodes(), s.token())).header("X-Auth-Token", s.token());
    }

    @Get
    public Who whoami(HttpRequest<?> request) {
        Principal p = request.getAttribute(Principal.ATTRIBUTE, Principal.class)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "not logged in"));
        return new Who(p.name(), p.role().name(), p.nodes(), null);
    }

    @Delete
    public HttpResponse<?> logout(HttpRequest<?> request) {
        String token = request.getHeaders().get("X-Auth-Token");
        sessions.use(token).ifPresent(s -> sessions.close(s.id()));
        return HttpResponse.noContent();
    }
}
