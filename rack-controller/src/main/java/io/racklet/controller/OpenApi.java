package io.racklet.controller;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;

/**
 * The API's identity in the OpenAPI document that micronaut-openapi writes at compile time
 * (META-INF/swagger/racklet-controller-1.0.yml, served at /openapi.yml).
 */
@OpenAPIDefinition(info = @Info(title = "racklet-controller", version = "1.0",
        description = "Racklet rack controller: nodes, rack, power, console, events, history, Redfish and metrics.",
        license = @License(name = "Apache-2.0")))
public final class OpenApi {
    private OpenApi() {}
}
