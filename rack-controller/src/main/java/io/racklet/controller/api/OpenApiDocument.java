package io.racklet.controller.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /openapi.yml}: the OpenAPI document generated from the controllers at build time. */
@Controller("/openapi.yml")
@Hidden
public class OpenApiDocument {
    static final String RESOURCE = "/META-INF/swagger/racklet-controller-1.0.yml";
    private final String yaml;

    public OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing: the OpenAPI processor did not run");
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    public HttpResponse<String> get() {
        return HttpResponse.ok(yaml).contentType("application/yaml");
    }
}
