package com.deskbridge.http;

import java.time.Clock;
import java.time.Duration;

/**
 * An in-memory token bucket: {@code burst} tokens at most, refilled at {@code permits} per {@code period}.
 * SP-API documents each operation as a rate (requests per second) and a burst; carrier quotas are the same
 * shape with a long period (DHL 250 per day, USPS 60 per hour). Thread-safe; time comes from the injected clock.
 */
public final class TokenBucket implements Quota {

    private final Clock clock;
    private final double burst;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefillNanos;

    private TokenBucket(Clock clock, double permits, Duration period, double burst) {
        if (permits <= 0 || burst < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a token bucket needs a positive rate and a burst of at least 1");
        }
        this.clock = clock;
        this.burst = burst;
        this.tokensPerNano = permits / (double) period.toNanos();
        this.tokens = burst;
        this.lastRefillNanos = nanos();
    }

    /** The SP-API form: {@code ratePerSecond} sustained, {@code burst} at once. */
    public static TokenBucket perSecond(Clock clock, double ratePerSecond, int burst) {
        return new TokenBucket(clock, ratePerSecond, Duration.ofSeconds(1), burst);
    }

    /** A budget of {@code permits} per {@code period}, all of which may be used at once. */
    public static TokenBucket budget(Clock clock, int permits, Duration period) {
        return new TokenBucket(clock, permits, period, permits);
    }

    @Override
    public synchronized Decision take() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return GRANTED;
        }
        long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return new Denied(Duration.ofNanos(Math.max(1, waitNanos)));
    }

    /** Tokens available now (for metrics and tests). */
    public synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = nanos();
        long elapsed = now - lastRefillNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * tokensPerNano);
            lastRefillNanos = now;
        }
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
