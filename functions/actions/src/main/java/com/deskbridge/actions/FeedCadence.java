package com.deskbridge.actions;

import java.time.Duration;
import java.time.Instant;

/**
 * How many feeds a seller may start now. Every feed costs a createFeed permit (burst 15, then one per ~2 minutes) and,
 * when it finishes, a getFeedDocument permit for its report (burst 10, then one per 45 s; https://developer-docs.amazon.com/sp-api/docs/feeds-api-rate-limits), so
 * spending the burst on many one-message feeds makes everyone wait later. While the budget is full, feeds go out at
 * once (the agent sees "submitted" within seconds); as it drains, feeds are spaced so that actions pile up into fewer,
 * larger feeds. Pure: the caller reads the budget.
 */
public record FeedCadence(int plentyFrom, int lowBelow, Duration spacingWhenHalf, Duration spacingWhenLow) {

    /** 10+ permits: no spacing; 5–9: one feed per 30 s; under 5: one per 2 minutes (the refill rate). */
    public static final FeedCadence DEFAULT = new FeedCadence(10, 5, Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** Feeds the seller may start now, given the permits left and when the last one was taken. */
    public int allowed(int permits, Instant lastTakenAt, Instant now) {
        if (permits <= 0) {
            return 0;
        }
        if (permits >= plentyFrom || lastTakenAt == null) {
            return permits;
        }
        Duration spacing = permits >= lowBelow ? spacingWhenHalf : spacingWhenLow;
        return Duration.between(lastTakenAt, now).compareTo(spacing) >= 0 ? 1 : 0;
    }
}
