package com.deskbridge.http;

import java.time.Duration;

/**
 * Our own client-side budget for an upstream is used up for longer than a caller may wait. No request
 * was sent; {@link #retryAfter()} says when one may be.
 */
public final class QuotaExhaustedException extends UpstreamException {

    private final Duration retryAfter;

    public QuotaExhaustedException(String upstream, Duration retryAfter) {
        super(upstream, 429, null, "client-side quota used up, next call possible in " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
