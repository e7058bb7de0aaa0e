package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Feeds go out at once while the createFeed budget is full and are spaced as it drains (pure). */
class FeedCadenceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private final FeedCadence cadence = FeedCadence.DEFAULT;

    @Test
    void fullBudgetSubmitsEverythingAtOnce() {
        assertThat(cadence.allowed(15, null, NOW)).isEqualTo(15);
        assertThat(cadence.allowed(10, NOW, NOW)).isEqualTo(10);
    }

    @Test
    void drainingBudgetSpacesFeeds() {
        assertThat(cadence.allowed(7, NOW.minusSeconds(29), NOW)).isZero();
        assertThat(cadence.allowed(7, NOW.minusSeconds(30), NOW)).isEqualTo(1);
        assertThat(cadence.allowed(3, NOW.minusSeconds(119), NOW)).isZero();
        assertThat(cadence.allowed(3, NOW.minusSeconds(120), NOW)).isEqualTo(1);
        assertThat(cadence.allowed(0, NOW.minusSeconds(600), NOW)).isZero();
    }
}
