package io.racklet.controller.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/** The API's one error body: {@code {"status":404,"error":"Not Found","message":"..."}}. */
public record ApiError(int status, String error, String message) {

    public static HttpResponse<ApiError> response(HttpStatus status, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(status.getCode(), status.getReason(), message));
    }
}
