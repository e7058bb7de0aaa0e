package com.deskbridge.quota;

import com.deskbridge.adapters.metrics.Metrics;
import com.deskbridge.http.Quota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@link Quota} shared by every Lambda container: at most {@code permits} calls per fixed window of length
 * {@code period}, windows aligned to the epoch (so a one-day window resets at 00:00 UTC, like DHL's quota,
 * https://support-developer.dhl.com/en/support/solutions/articles/47001248773). One window counter per window
 * ({@link QuotaCounters}: {@code PK = QUOTA#{name}#{period}}, {@code SK = W#{window start}}); a permit is one
 * conditional increment that only succeeds while {@code calls < permits}, so concurrent takers from any number of
 * containers together never exceed the limit. Counters may expire two windows after theirs ends. A refused take
 * costs nothing.
 *
 * <p>Why a fixed window and not the {@link TokenBucket} over the same counters: carriers state their budgets per
 * calendar window (250 a UTC day, 60 an hour), which a bucket cannot express, and a seller's share of a window
 * ({@link #forSeller}) is a second counter of the same window raised in the same write; a take is one conditional
 * write with no read before it.
 */
public final class WindowQuota implements Quota {

    private static final int CONFLICT_ATTEMPTS = 20;

    private final QuotaCounters counters;
    private final Clock clock;
    private final String name;
    private final int permits;
    private final Duration period;
    /** The quota's family for the QuotaTaken/QuotaDenied metrics: its name without the seller (carrier#dhl, spapi#getOrder). */
    private final String metricName;

    public WindowQuota(QuotaCounters counters, Clock clock, String name, int permits, Duration period) {
        if (permits < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a quota needs at least one permit per positive period");
        }
        this.counters = Objects.requireNonNull(counters);
        this.clock = Objects.requireNonNull(clock);
        this.name = Objects.requireNonNull(name);
        this.permits = permits;
        this.period = period;
        String[] parts = name.split("#", 3);
        this.metricName = parts.length >= 2 ? parts[0] + "#" + parts[1] : name;
    }

    @Override
    public Decision take() {
        Instant now = clock.instant();
        Instant start = windowStart(now);
        if (counters.increment(key(start), permits, expiry(start))) {
            Metrics.count(Metrics.QUOTA_TAKEN, "Quota", metricName, 1);
            return GRANTED;
        }
        Metrics.count(Metrics.QUOTA_DENIED, "Quota", metricName, 1);
        return denied(now, start.plus(period));
    }

    /**
     * This budget as one seller may use it (per-tenant fairness, issue 12): the seller takes freely up to its
     * {@code share} of each window; beyond that it may only borrow while more than {@code reserve} permits of the
     * window are left, so the last {@code reserve} permits stay for sellers still within their share. The shared
     * limit holds as before. A permit raises the shared counter and the seller's counter together (both
     * conditional), so concurrent takers never exceed either.
     */
    public Quota forSeller(String sellerId, int share, int reserve) {
        Objects.requireNonNull(sellerId);
        if (share < 1 || reserve < 0 || reserve >= permits) {
            throw new IllegalArgumentException("a share of at least one and a reserve below the budget are needed");
        }
        return () -> {
            Instant now = clock.instant();
            Instant start = windowStart(now);
            QuotaCounters.Key own = new QuotaCounters.Key("QUOTA#" + name + "#" + period + "#S#" + sellerId, "W#" + start.toEpochMilli());
            boolean borrowing = false;
            for (int attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
                QuotaCounters.Outcome taken = borrowing
                        // over its share: borrow, but never into the reserve
                        ? counters.incrementBoth(key(start), permits - reserve, own, Integer.MAX_VALUE, expiry(start))
                        : counters.incrementBoth(key(start), permits, own, share, expiry(start));
                switch (taken) {
                    case GRANTED -> {
                        return GRANTED;
                    }
                    case SECOND_FULL -> borrowing = true;
                    case FIRST_FULL -> {
                        return denied(now, start.plus(period));
                    }
                    case CONFLICT -> {
                        // another container took at the same moment: try again
                    }
                }
            }
            return denied(now, start.plus(period));
        };
    }

    private static Denied denied(Instant now, Instant end) {
        Duration wait = Duration.between(now, end);
        return new Denied(wait.isZero() || wait.isNegative() ? Duration.ofMillis(1) : wait);
    }

    /** Calls still allowed in the current window. */
    public int remaining() {
        return Math.max(0, permits - counters.calls(key(windowStart(clock.instant()))));
    }

    /** When the current window ends (the next permit at the latest, once this window is used up). */
    public Instant windowEnd() {
        return windowStart(clock.instant()).plus(period);
    }

    public int permits() {
        return permits;
    }

    public Duration period() {
        return period;
    }

    private Instant windowStart(Instant now) {
        long p = period.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), p) * p);
    }

    /** Two windows after this one ends, and a minute. */
    private Instant expiry(Instant windowStart) {
        return windowStart.plus(period).plus(period).plusSeconds(60);
    }

    private QuotaCounters.Key key(Instant windowStart) {
        return new QuotaCounters.Key("QUOTA#" + name + "#" + period, "W#" + windowStart.toEpochMilli());
    }
}
