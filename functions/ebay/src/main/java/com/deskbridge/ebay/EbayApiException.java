package com.deskbridge.ebay;

import com.deskbridge.http.UpstreamException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * eBay refused a call with an error that retries did not (or must not) fix. Carries eBay's first error: its
 * {@code errorId}, {@code domain}, {@code category} and words ({@code message}, {@code longMessage}), read from the REST
 * shape ({@code {"errors":[...]}}) or the Post-Order shape ({@code {"errorMessage":{"error":[...]}}}); never request headers or tokens.
 */
public final class EbayApiException extends UpstreamException {

    private final String operation;
    private final Integer errorId;
    private final String errorMessage;

    EbayApiException(String operation, int status, String requestId, Integer errorId, String errorMessage, String detail) {
        super("ebay " + operation, status, requestId, (errorId == null ? "" : errorId + " ") + (errorMessage == null ? "" : errorMessage)
                + (detail == null || detail.isBlank() ? "" : " – " + detail));
        this.operation = operation;
        this.errorId = errorId;
        this.errorMessage = errorMessage;
    }

    static EbayApiException from(EbayOperation op, HttpResponse<String> response) {
        Integer errorId = null;
        String message = null;
        String detail = null;
        try {
            JsonNode body = EbayJson.MAPPER.readTree(response.body() == null || response.body().isBlank() ? "{}" : response.body());
            JsonNode first = body.path("errors").path(0);
            if (first.isMissingNode()) {
                // Post-Order: https://developer.ebay.com/Devzone/post-order/ErrorResponse.html
                first = body.path("errorMessage").path("error").path(0);
            }
            if (first.isObject()) {
                errorId = first.hasNonNull("errorId") ? first.get("errorId").asInt() : null;
                message = first.path("message").asText(null);
                detail = first.path("longMessage").asText(null);
            }
        } catch (IOException e) {
            message = "unparseable error body";
        }
        return new EbayApiException(op.id(), response.statusCode(), EbayTransport.requestId(response), errorId, message, detail);
    }

    public String operation() {
        return operation;
    }

    /** eBay's {@code errorId}, when the body had one. */
    public Optional<Integer> errorId() {
        return Optional.ofNullable(errorId);
    }

    /** eBay's short {@code message}, when the body had one (for agents). */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }
}
