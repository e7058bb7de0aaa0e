package com.deskbridge.http;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokenCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final AtomicInteger issued = new AtomicInteger();
    private final AccessTokenCache cache = new AccessTokenCache(clock,
            () -> new AccessTokenCache.IssuedToken("Atza|" + issued.incrementAndGet(), Duration.ofHours(1)));

    @Test
    void aTokenIsReusedUntilAMinuteBeforeItExpires() {
        assertThat(cache.token()).isEqualTo("Atza|1");
        clock.advance(Duration.ofMinutes(58));
        assertThat(cache.token()).isEqualTo("Atza|1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.token()).isEqualTo("Atza|2");
        assertThat(issued).hasValue(2);
    }

    @Test
    void aRejectedTokenIsFetchedAgain() {
        cache.token();
        cache.invalidate();
        assertThat(cache.token()).isEqualTo("Atza|2");
    }

    @Test
    void theTokenValueNeverAppearsInToString() {
        assertThat(new AccessTokenCache.IssuedToken("secret-value", Duration.ofHours(1)).toString()).doesNotContain("secret-value");
    }
}
