package com.deskbridge.channels;

import java.time.Duration;
import java.util.Optional;

/**
 * A channel could not be reached or refused for a reason a later attempt can fix (call limit used up, throttled,
 * outage). Nothing was changed at the channel. {@link #retryAfter()} says when trying again makes sense, when known.
 * Messages never contain credentials or buyer text.
 */
public class ChannelUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ChannelUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
