package com.deskbridge.quota;

import com.deskbridge.http.Quota;
import com.deskbridge.spapi.SpApiOperation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One SP-API operation's budget per seller, shared by every Lambda container: a token bucket with Amazon's documented
 * rate and burst (for createFeed burst 15 and 0.0083/s, one call per ~120.5 s;
 * https://developer-docs.amazon.com/sp-api/docs/feeds-api-rate-limits), its level kept in {@link QuotaCounters}
 * ({@code PK = S#{seller}#QUOTA#{operation}}, {@code SK = QUOTA}). A permit is taken by replacing the level read with
 * one token less, only if nobody changed it meanwhile, so two containers can never spend the same token and the
 * operation is never called beyond Amazon's limit, however many containers run.
 *
 * <p>Why a bucket and not the {@link WindowQuota} over the same counters: SP-API limits each operation with a token
 * bucket (https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits). A fixed window admits Amazon's
 * bucket safely only with half the burst per window ({@code DynamoDbSpApiQuotas}), which for createFeed would be 7
 * feeds per quarter hour instead of 15 at once and then one every two minutes; the submitter also plans its cadence
 * from the level and the time of the last take ({@link #snapshot}), which only a bucket has.
 */
public final class TokenBucket {

    private static final int ATTEMPTS = 20;
    /** Tokens are stored as an exact decimal; the refill is rounded down so a rounding error can never add a call. */
    private static final int SCALE = 9;
    /** Lost races can deny a permit that exists; never ask a caller to spin. */
    private static final Duration MIN_WAIT = Duration.ofMillis(100);

    private final QuotaCounters counters;
    private final Clock clock;
    private final String operation;
    private final BigDecimal ratePerSecond;
    private final int burst;

    /** The budget of {@code operation} with its documented rate and burst. */
    public TokenBucket(QuotaCounters counters, Clock clock, SpApiOperation operation) {
        this.counters = Objects.requireNonNull(counters);
        this.clock = Objects.requireNonNull(clock);
        this.operation = operation.id();
        this.ratePerSecond = BigDecimal.valueOf(operation.ratePerSecond());
        this.burst = operation.burst();
    }

    /** The createFeed budget. */
    public static TokenBucket createFeed(QuotaCounters counters, Clock clock) {
        return new TokenBucket(counters, clock, SpApiOperation.FEEDS_CREATE_FEED);
    }

    /** Whole permits the seller has now (for planning; {@link #tryTake} decides). */
    public int available(String sellerId) {
        return refilled(counters.level(key(sellerId)), clock.millis()).intValue();
    }

    /** Whole permits now and when the last one was taken (null when never). */
    public record Snapshot(int available, Instant lastTakenAt) {
    }

    public Snapshot snapshot(String sellerId) {
        Optional<QuotaCounters.Level> level = counters.level(key(sellerId));
        return new Snapshot(refilled(level, clock.millis()).intValue(),
                level.map(l -> Instant.ofEpochMilli(l.atMillis())).orElse(null));
    }

    /** Takes one permit if there is one; false otherwise. */
    public boolean tryTake(String sellerId) {
        QuotaCounters.Key key = key(sellerId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<QuotaCounters.Level> level = counters.level(key);
            long now = Math.max(clock.millis(), level.map(QuotaCounters.Level::atMillis).orElse(0L));
            BigDecimal tokens = refilled(level, now);
            if (tokens.compareTo(BigDecimal.ONE) < 0) {
                return false;
            }
            if (counters.replaceLevel(key, level, new QuotaCounters.Level(tokens.subtract(BigDecimal.ONE), now))) {
                return true;
            }
            // another taker spent or refilled in between: read again
        }
        return false;
    }

    /** When the next permit will be available (now when one is). */
    public Instant nextPermitAt(String sellerId) {
        BigDecimal tokens = refilled(counters.level(key(sellerId)), clock.millis());
        if (tokens.compareTo(BigDecimal.ONE) >= 0) {
            return clock.instant();
        }
        BigDecimal missing = BigDecimal.ONE.subtract(tokens);
        long ms = missing.multiply(BigDecimal.valueOf(1000)).divide(ratePerSecond, 0, RoundingMode.UP).longValue();
        return clock.instant().plusMillis(ms);
    }

    /** This budget as the SP-API client's {@link Quota} for one seller: a permit, or how long until the next one. */
    public Quota quota(String sellerId) {
        return () -> {
            if (tryTake(sellerId)) {
                return Quota.GRANTED;
            }
            Duration wait = Duration.between(clock.instant(), nextPermitAt(sellerId));
            return new Quota.Denied(wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait);
        };
    }

    private BigDecimal refilled(Optional<QuotaCounters.Level> stored, long nowMillis) {
        if (stored.isEmpty()) {
            return BigDecimal.valueOf(burst);
        }
        QuotaCounters.Level level = stored.get();
        long elapsed = Math.max(0, nowMillis - level.atMillis());
        BigDecimal gained = ratePerSecond.multiply(BigDecimal.valueOf(elapsed)).divide(BigDecimal.valueOf(1000), SCALE, RoundingMode.DOWN);
        return level.tokens().add(gained).min(BigDecimal.valueOf(burst)).setScale(SCALE, RoundingMode.DOWN);
    }

    private QuotaCounters.Key key(String sellerId) {
        return new QuotaCounters.Key("S#" + sellerId + "#QUOTA#" + operation, "QUOTA");
    }
}
