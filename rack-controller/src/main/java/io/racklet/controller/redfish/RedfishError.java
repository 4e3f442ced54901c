package io.racklet.controller.redfish;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Redfish error (DSP0266, "Error responses"): the Base message registry's id in {@code code},
 * the text in {@code message} and in one extended-info entry, so Redfish clients show it as they
 * show any BMC's error.
 */
public final class RedfishError extends RuntimeException {
    private final HttpStatus status;
    private final String messageId;

    public RedfishError(HttpStatus status, String messageId, String message) {
        super(message);
        this.status = status;
        this.messageId = messageId;
    }

    public static RedfishError notFound(String what) {
        return new RedfishError(HttpStatus.NOT_FOUND, "Base.1.16.ResourceNotFound", what + " was not found.");
    }

    public HttpResponse<Map<String, Object>> response() {
        return respond(status, messageId, getMessage());
    }

    public static HttpResponse<Map<String, Object>> respond(HttpStatus status, String messageId, String message) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@odata.type", "#Message.v1_1_1.Message");
        info.put("MessageId", messageId);
        info.put("Message", message);
        info.put("Severity", "Warning");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", messageId);
        error.put("message", message);
        error.put("@Message.ExtendedInfo", List.of(info));
        return HttpResponse.<Map<String, Object>>status(status).body(Map.of("error", error));
    }
}
