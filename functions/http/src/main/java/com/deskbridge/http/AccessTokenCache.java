package com.deskbridge.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Holds one OAuth access token (Login with Amazon, a carrier's client-credentials grant) until shortly
 * before it expires, so that each container asks the token endpoint once per token lifetime. A token
 * rejected upstream (401) is dropped with {@link #invalidate()} and fetched again on the next call.
 */
public final class AccessTokenCache {

    /** A token and how long the issuer said it lives ({@code expires_in}). */
    public record IssuedToken(String value, Duration lifetime) {
        @Override
        public String toString() {
            return "IssuedToken[value=***, lifetime=" + lifetime + "]";
        }
    }

    private static final Duration EARLY_REFRESH = Duration.ofSeconds(60);

    private final Clock clock;
    private final Supplier<IssuedToken> issuer;
    private String token;
    private Instant refreshAt = Instant.MIN;

    public AccessTokenCache(Clock clock, Supplier<IssuedToken> issuer) {
        this.clock = clock;
        this.issuer = issuer;
    }

    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            IssuedToken issued = issuer.get();
            Duration margin = issued.lifetime().compareTo(EARLY_REFRESH.multipliedBy(2)) > 0
                    ? EARLY_REFRESH : issued.lifetime().dividedBy(2);
            token = issued.value();
            refreshAt = now.plus(issued.lifetime()).minus(margin);
        }
        return token;
    }

    public synchronized void invalidate() {
        token = null;
    }
}
