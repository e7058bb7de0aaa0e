package com.deskbridge.http;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void burstIsAvailableAtOnceThenTheRateApplies() {
        // getOrder in Orders v0: 0.5173 requests per second, burst 30 (ordersV0.json, getOrder)
        TokenBucket bucket = TokenBucket.perSecond(clock, 0.5, 3);
        assertThat(bucket.take()).isInstanceOf(Quota.Granted.class);
        assertThat(bucket.take()).isInstanceOf(Quota.Granted.class);
        assertThat(bucket.take()).isInstanceOf(Quota.Granted.class);
        Quota.Decision fourth = bucket.take();
        assertThat(fourth).isEqualTo(new Quota.Denied(Duration.ofSeconds(2)));

        clock.advance(Duration.ofMillis(1999));
        assertThat(bucket.take()).isInstanceOf(Quota.Denied.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(bucket.take()).isInstanceOf(Quota.Granted.class);
    }

    @Test
    void refillNeverExceedsTheBurst() {
        TokenBucket bucket = TokenBucket.perSecond(clock, 10, 2);
        clock.advance(Duration.ofHours(1));
        assertThat(bucket.available()).isEqualTo(2.0);
    }

    @Test
    void aDailyBudgetAllowsExactlyItsPermitsPerDay() {
        TokenBucket dhl = TokenBucket.budget(clock, 250, Duration.ofDays(1));
        int granted = 0;
        for (int i = 0; i < 1000; i++) {
            if (dhl.take() instanceof Quota.Granted) {
                granted++;
            }
        }
        assertThat(granted).isEqualTo(250);
        clock.advance(Duration.ofDays(1));
        granted = 0;
        for (int i = 0; i < 1000; i++) {
            if (dhl.take() instanceof Quota.Granted) {
                granted++;
            }
        }
        assertThat(granted).isEqualTo(250);
    }
}
