package com.deskbridge.spapi;

import com.deskbridge.http.UpstreamException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * SP-API answered an operation with an error we do not retry (400 InvalidInput, 403 after a fresh token,
 * ...). Carries Amazon's first error {@code code} ({@code InvalidInput}, {@code Unauthorized}, ...) next to
 * the HTTP status and request id. Messages hold Amazon's error text only, never tokens.
 */
public final class SpApiException extends UpstreamException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String operation;
    private final String errorCode;

    public SpApiException(String operation, int status, String requestId, String errorCode, String message) {
        super("sp-api " + operation, status, requestId, (errorCode == null ? "" : errorCode + " ") + (message == null ? "" : message));
        this.operation = operation;
        this.errorCode = errorCode;
    }

    static SpApiException from(SpApiOperation operation, HttpResponse<String> response) {
        String code = null;
        String message = null;
        try {
            JsonNode first = JSON.readTree(response.body() == null ? "" : response.body()).path("errors").path(0);
            if (!first.isMissingNode()) {
                code = first.path("code").asText(null);
                String details = first.path("details").asText("");
                message = first.path("message").asText("") + (details.isBlank() ? "" : " (" + details + ")");
            }
        } catch (IOException e) {
            message = "unparseable error body";
        }
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElse(null);
        return new SpApiException(operation.id(), response.statusCode(), requestId, code, message);
    }

    public String operation() {
        return operation;
    }

    /** Amazon's error code from {@code errors[0].code}, when the body had one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
