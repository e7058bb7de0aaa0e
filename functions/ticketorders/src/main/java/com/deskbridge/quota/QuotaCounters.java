package com.deskbridge.quota;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Where quota use is counted, shared by every container of every function (a port: {@link DynamoDbQuotaCounters}
 * keeps the counters in the tickets table; {@link InMemoryQuotaCounters} keeps them in one process for tests). It
 * holds two kinds of state, one per algorithm over it:
 * <ul>
 *   <li>window counters ({@link WindowQuota}): calls made in one fixed window, raised only while below a limit;</li>
 *   <li>bucket levels ({@link TokenBucket}): tokens left and when they were counted, replaced only if unchanged.</li>
 * </ul>
 * Every change is conditional, so concurrent takers from any number of containers together never exceed a limit.
 */
public interface QuotaCounters {

    /** A counter's or bucket's key in the store. */
    record Key(String pk, String sk) {
    }

    /** A bucket's tokens as counted at {@code atMillis}. */
    record Level(BigDecimal tokens, long atMillis) {
    }

    /** What a take on two counters did. */
    enum Outcome { GRANTED, FIRST_FULL, SECOND_FULL, CONFLICT }

    /**
     * One more call on {@code counter}, only while it holds fewer than {@code limit}; the counter may be forgotten
     * after {@code expiresAt}. @return false when it was full
     */
    boolean increment(Key counter, int limit, Instant expiresAt);

    /**
     * One more call on both counters or on neither: FIRST_FULL / SECOND_FULL name the counter at its limit (the first
     * when both are), CONFLICT a concurrent writer (try again).
     */
    Outcome incrementBoth(Key first, int firstLimit, Key second, int secondLimit, Instant expiresAt);

    /** Calls counted on {@code counter} (0 when it was never raised). */
    int calls(Key counter);

    /** The bucket's stored level (empty: never taken from). */
    Optional<Level> level(Key bucket);

    /**
     * Replaces the bucket's level with {@code next} only if it is still {@code expected} (empty: still never taken
     * from). @return false when another taker changed it first
     */
    boolean replaceLevel(Key bucket, Optional<Level> expected, Level next);
}
