package com.deskbridge.sim.spapi;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Amazon's side of SP-API throttling: one token bucket per operation (and access token holder), with the
 * documented rate and burst (https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits). A call without a token is answered 429.
 * Time comes from the simulator's injected clock so tests can throttle deterministically.
 */
final class SimRateLimiter {

    /** Tolerance for floating-point refill arithmetic (a client that waited exactly long enough passes). */
    private static final double EPSILON = 1e-6;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SimRateLimiter(Clock clock) {
        this.clock = clock;
    }

    boolean tryAcquire(String key, double ratePerSecond, int burst) {
        return buckets.computeIfAbsent(key, k -> new Bucket(ratePerSecond, burst, clock.instant())).take(clock.instant());
    }

    private static final class Bucket {
        private final double rate;
        private final double burst;
        private double tokens;
        private Instant last;

        Bucket(double rate, int burst, Instant now) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
            this.last = now;
        }

        synchronized boolean take(Instant now) {
            if (now.isAfter(last)) {
                double seconds = (now.getEpochSecond() - last.getEpochSecond()) + (now.getNano() - last.getNano()) / 1e9;
                tokens = Math.min(burst, tokens + seconds * rate);
                last = now;
            }
            if (tokens + EPSILON >= 1) {
                tokens = Math.max(0, tokens - 1);
                return true;
            }
            return false;
        }
    }
}
