package io.racklet.controller;

import io.micronaut.context.ApplicationContext;
import io.racklet.controller.auth.Accounts;
import io.racklet.controller.auth.Sessions;
import io.racklet.controller.rack.RackView;
import io.racklet.protocol.resource.RackDeclaration;
import io.racklet.protocol.resource.SpecLoader;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/** Starts the controller's Micronaut application for a configuration; used by Main and by tests. */
public final class ControllerApp {
    /** API bodies are small JSON objects; anything bigger is refused before it is read. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private ControllerApp() {}

    /**
     * Validates what the configuration points to (the rack spec) before anything starts, so that
     * bad input is reported as such and not as a failed bean; then starts the application.
     */
    public static ApplicationContext start(ControllerConfig config) {
        RackView view = new RackView(config.rack());
        Accounts accounts = new Accounts();
        if (config.rackSpec() != null) {
            RackDeclaration spec = SpecLoader.load(config.rackSpec());
            spec.nodes().forEach(n -> view.declare(n.name(), n.spec().slot()));
            accounts.update(spec.users());
        }
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.application.name", "racklet-controller");
        props.put("micronaut.server.host", config.http().host());
        props.put("micronaut.server.port", config.http().port());
        props.put("micronaut.server.max-request-size", MAX_REQUEST_BYTES);
        props.put("micronaut.router.static-resources.dashboard.paths", "classpath:public");
        props.put("micronaut.router.static-resources.dashboard.mapping", "/**");
        return Micronaut.build(new String[0])
                .mainClass(ControllerApp.class)
                .banner(false)
                .properties(props)
                .singletons(config, view, accounts, new Sessions())
                .start();
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public static int httpPort(ApplicationContext ctx) {
        return ctx.getBean(EmbeddedServer.class).getPort();
    }
}
