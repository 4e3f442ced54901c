package io.racklet.controller.redfish;

import static io.racklet.controller.redfish.Odata.ROOT;
import static io.racklet.controller.redfish.Odata.collection;
import static io.racklet.controller.redfish.Odata.link;
import static io.racklet.controller.redfish.Odata.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.racklet.controller.auth.Accounts;
import io.racklet.controller.auth.LoginThrottle;
import io.racklet.controller.auth.Principal;
import io.racklet.controller.auth.Sessions;
import io.racklet.json.Json;
import io.racklet.protocol.resource.UserResource;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Redfish SessionService and AccountService: sessions for standard clients (POST a UserName and
 * Password, then send the X-Auth-Token), and the rack's users with their roles, as the signed rack
 * spec declares them (read-only here: accounts change by signed commit). Roles map onto Redfish's
 * standard ones: admin to Administrator, operator to Operator, viewer to ReadOnly.
 */
@Controller("/redfish/v1")
public class RedfishAccountService {
    private static final Map<UserResource.Role, String> ROLES = Map.of(UserResource.Role.admin, "Administrator",
            UserResource.Role.operator, "Operator", UserResource.Role.viewer, "ReadOnly");
    private static final Map<String, List<String>> PRIVILEGES = Map.of(
            "Administrator", List.of("Login", "ConfigureManager", "ConfigureUsers", "ConfigureComponents", "ConfigureSelf"),
            "Operator", List.of("Login", "ConfigureComponents", "ConfigureSelf"),
            "ReadOnly", List.of("Login", "ConfigureSelf"));

    private final Accounts accounts;
    private final Sessions sessions;

    public RedfishAccountService(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Get("/SessionService")
    public Map<String, Object> sessionService() {
        Map<String, Object> r = resource("#SessionService.v1_1_9.SessionService", ROOT + "/SessionService", "SessionService", "Session Service");
        r.put("ServiceEnabled", true);
        r.put("SessionTimeout", (int) Sessions.IDLE.toSeconds());
        r.put("Sessions", link(ROOT + "/SessionService/Sessions"));
        return r;
    }

    @Get("/SessionService/Sessions")
    public Map<String, Object> sessions(HttpRequest<?> request) {
        Principal p = principal(request);
        return collection("#SessionCollection.SessionCollection", ROOT + "/SessionService/Sessions", "Sessions",
                sessions.all().stream().filter(s -> p.role() == UserResource.Role.admin || s.user().equals(p.name()))
                        .map(s -> ROOT + "/SessionService/Sessions/" + s.id()).toList());
    }

    @Post(uri = "/SessionService/Sessions", consumes = {MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public HttpResponse<?> login(HttpRequest<?> request, @Nullable @Body String body) {
        JsonNode json;
        try {
            json = body == null ? null : Json.json().readTree(body);
        } catch (IOException e) {
            throw new RedfishError(HttpStatus.BAD_REQUEST, "Base.1.0.MalformedJSON", "the body is not JSON");
        }
        if (json == null || !json.path("UserName").isTextual() || !json.path("Password").isTextual()) {
            throw new RedfishError(HttpStatus.BAD_REQUEST, "Base.1.0.PropertyMissing", "UserName and Password are required");
        }
        Principal p;
        try {
            p = accounts.login(json.get("UserName").asText(), json.get("Password").asText().toCharArray(),
                    request.getRemoteAddress().getAddress().getHostAddress())
                    .orElseThrow(() -> new RedfishError(HttpStatus.UNAUTHORIZED, "Base.1.0.NoValidSession", "wrong user name or password"));
        } catch (LoginThrottle.HeldBack e) {
            return ((io.micronaut.http.MutableHttpResponse<?>) RedfishError.respond(HttpStatus.TOO_MANY_REQUESTS,
                    "Base.1.0.ServiceTemporarilyUnavailable", e.getMessage())).header("Retry-After", Long.toString(e.seconds()));
        }
        Sessions.Session s = sessions.open(p.name());
        String location = ROOT + "/SessionService/Sessions/" + s.id();
        return HttpResponse.created(session(s)).header("X-Auth-Token", s.token()).header("Location", location);
    }

    @Get("/SessionService/Sessions/{id}")
    public Map<String, Object> session(HttpRequest<?> request, String id) {
        Principal p = principal(request);
        Sessions.Session s = sessions.byId(id).filter(x -> p.role() == UserResource.Role.admin || x.user().equals(p.name()))
                .orElseThrow(() -> RedfishError.notFound("Session " + id));
        return session(s);
    }

    @Delete("/SessionService/Sessions/{id}")
    public HttpResponse<?> logout(HttpRequest<?> request, String id) {
        Principal p = principal(request);
        Sessions.Session s = sessions.byId(id).filter(x -> p.role() == UserResource.Role.admin || x.user().equals(p.name()))
                .orElseThrow(() -> RedfishError.notFound("Session " + id));
        sessions.close(s.id());
        return HttpResponse.noContent();
    }

    @Get("/AccountService")
    public Map<String, Object> accountService() {
        Map<String, Object> r = resource("#AccountService.v1_13_0.AccountService", ROOT + "/AccountService", "AccountService", "Account Service");
        r.put("ServiceEnabled", true);
        r.put("Description", "Users and roles come from the signed rack spec (kind: User); change them by signed commit");
        r.put("Accounts", link(ROOT + "/AccountService/Accounts"));
        r.put("Roles", link(ROOT + "/AccountService/Roles"));
        return r;
    }

    @Get("/AccountService/Accounts")
    public Map<String, Object> accounts() {
        return collection("#ManagerAccountCollection.ManagerAccountCollection", ROOT + "/AccountService/Accounts", "Accounts",
                accounts.all().stream().map(u -> ROOT + "/AccountService/Accounts/" + u.name()).toList());
    }

    @Get("/AccountService/Accounts/{name}")
    public Map<String, Object> account(String name) {
        UserResource u = accounts.all().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> RedfishError.notFound("Account " + name));
        Map<String, Object> r = resource("#ManagerAccount.v1_12_0.ManagerAccount", ROOT + "/AccountService/Accounts/" + name, name, name);
        r.put("UserName", name);
        r.put("RoleId", ROLES.get(u.spec().role()));
        r.put("Enabled", u.spec().passwordHash() != null);
        r.put("Locked", false);
        r.put("Links", Map.of("Role", link(ROOT + "/AccountService/Roles/" + ROLES.get(u.spec().role()))));
        if (!u.spec().nodes().isEmpty()) {
            r.put("Oem", Map.of("Racklet", Map.of("Nodes", u.spec().nodes())));
        }
        return r;
    }

    @Get("/AccountService/Roles")
    public Map<String, Object> roles() {
        return collection("#RoleCollection.RoleCollection", ROOT + "/AccountService/Roles", "Roles",
                List.of(ROOT + "/AccountService/Roles/Administrator", ROOT + "/AccountService/Roles/Operator", ROOT + "/AccountService/Roles/ReadOnly"));
    }

    @Get("/AccountService/Roles/{id}")
    public Map<String, Object> role(String id) {
        List<String> privileges = PRIVILEGES.get(id);
        if (privileges == null) throw RedfishError.notFound("Role " + id);
        Map<String, Object> r = resource("#Role.v1_3_1.Role", ROOT + "/AccountService/Roles/" + id, id, id + " role");
        r.put("IsPredefined", true);
        r.put("RoleId", id);
        r.put("AssignedPrivileges", privileges);
        return r;
    }

    private static Map<String, Object> session(Sessions.Session s) {
        Map<String, Object> r = resource("#Session.v1_7_0.Session", ROOT + "/SessionService/Sessions/" + s.id(), s.id(), "Session of " + s.user());
        r.put("UserName", s.user());
        r.put("CreatedTime", s.created().toString());
        return r;
    }

    private static Principal principal(HttpRequest<?> request) {
        return request.getAttribute(Principal.ATTRIBUTE, Principal.class)
                .orElseThrow(() -> new RedfishError(HttpStatus.UNAUTHORIZED, "Base.1.0.NoValidSession", "log in first"));
    }

    @Error(exception = RedfishError.class)
    public HttpResponse<Map<String, Object>> error(RedfishError e) {
        return e.response();
    }
}
