package com.deskbridge.carriers;

import com.deskbridge.http.Quota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * At most {@code permits} calls in any window of length {@code period}, remembered call by call. Used for the
 * carriers' long budgets (DHL 250/day, USPS ~60/hour): a token bucket sized to the budget
 * ({@code TokenBucket.budget}) may spend the full burst and then its refill inside one carrier window, i.e. up to
 * twice the quota, which is exactly what earns a 429. A sliding window never exceeds the quota in any window,
 * however the carrier aligns its own (DHL resets at 24:00 GMT). Memory is one instant per permit.
 */
public final class SlidingWindowQuota implements Quota {

    private final Clock clock;
    private final int permits;
    private final Duration period;
    private final Deque<Instant> granted = new ArrayDeque<>();

    public SlidingWindowQuota(Clock clock, int permits, Duration period) {
        if (permits < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a sliding window needs at least one permit per positive period");
        }
        this.clock = Objects.requireNonNull(clock);
        this.permits = permits;
        this.period = period;
    }

    @Override
    public synchronized Decision take() {
        Instant now = clock.instant();
        Instant horizon = now.minus(period);
        while (!granted.isEmpty() && !granted.peekFirst().isAfter(horizon)) {
            granted.pollFirst();
        }
        if (granted.size() < permits) {
            granted.addLast(now);
            return GRANTED;
        }
        Duration wait = Duration.between(now, granted.peekFirst().plus(period));
        return new Denied(wait.isZero() || wait.isNegative() ? Duration.ofNanos(1) : wait);
    }

    /** Calls still possible now. */
    public synchronized int available() {
        Instant horizon = clock.instant().minus(period);
        return (int) (permits - granted.stream().filter(t -> t.isAfter(horizon)).count());
    }
}
