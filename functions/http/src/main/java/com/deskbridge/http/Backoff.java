package com.deskbridge.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * attempt n waits a uniformly random time in [0, min(cap, base * 2^n)).
 */
public record Backoff(Duration base, Duration cap, int maxAttempts, RandomGenerator random) {

    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static Backoff standard(RandomGenerator random) {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), 4, random);
    }

    /** The wait before retry number {@code retry} (0 = first retry). */
    public Duration delay(int retry) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry, 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling));
    }
}
