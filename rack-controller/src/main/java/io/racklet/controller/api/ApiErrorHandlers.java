package io.racklet.controller.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.racklet.controller.redfish.RedfishError;

/**
 * Every client error leaves the API as an {@link ApiError} JSON body: our own ones, and
 * Micronaut's (no route, wrong method, oversized body).
 */
@Controller
public class ApiErrorHandlers {

    @Error(global = true, exception = ApiException.class)
    public HttpResponse<ApiError> api(ApiException e) {
        return ApiError.response(e.status(), e.getMessage());
    }

    /** Redfish clients expect Redfish's error format under /redfish; everyone else gets ApiError. */
    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        if (request.getPath().startsWith("/redfish")) {
            return RedfishError.respond(HttpStatus.NOT_FOUND, "Base.1.16.ResourceNotFound", "No resource at " + request.getPath() + ".");
        }
        return ApiError.response(HttpStatus.NOT_FOUND, "no resource at " + request.getPath());
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        if (request.getPath().startsWith("/redfish")) {
            return RedfishError.respond(HttpStatus.METHOD_NOT_ALLOWED, "Base.1.16.OperationNotAllowed",
                    request.getMethod() + " is not allowed on " + request.getPath() + ".");
        }
        return ApiError.response(HttpStatus.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on " + request.getPath());
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    public HttpResponse<ApiError> tooLarge(ContentLengthExceededException e) {
        return ApiError.response(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "request body is too large: " + e.getMessage());
    }
}
