package io.racklet.controller.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import io.racklet.config.ConfigLoader;
import io.racklet.json.Json;

/**
 * Parses API request bodies strictly, with the same error wording as config files. Public so that
 * the fuzz targets (tests/.../fuzz) reach the parser the handlers use.
 */
public final class RequestBodies {
    private RequestBodies() {}

    public static <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("request body is empty; expected a JSON object");
        }
        try {
            T value = Json.json().readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
            if (value == null) throw ApiException.badRequest("request body is null; expected a JSON object");
            return value;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(ConfigLoader.describe("request body", e));
        }
    }

}
