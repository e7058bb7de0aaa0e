package com.deskbridge.http;

import java.util.Optional;

/**
 * An upstream API answered with an error that retries did not (or must not) fix. Carries the status,
 * the upstream request id for support cases, and the response body's error text, never credentials.
 */
public class UpstreamException extends RuntimeException {

    private final String upstream;
    private final int status;
    private final String requestId;

    public UpstreamException(String upstream, int status, String requestId, String message) {
        super(upstream + " answered " + status + (message == null || message.isBlank() ? "" : ": " + message)
                + (requestId == null ? "" : " (request id " + requestId + ")"));
        this.upstream = upstream;
        this.status = status;
        this.requestId = requestId;
    }

    public UpstreamException(String upstream, String message, Throwable cause) {
        super(upstream + ": " + message, cause);
        this.upstream = upstream;
        this.status = 0;
        this.requestId = null;
    }

    public String upstream() {
        return upstream;
    }

    /** The HTTP status, or 0 when no response arrived (connection failure, timeout). */
    public int status() {
        return status;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** True when a later attempt may succeed (throttled, upstream error, no response). */
    public boolean transientFailure() {
        return status == 0 || status == 429 || status >= 500;
    }

    public boolean notFound() {
        return status == 404;
    }
}
