package com.deskbridge.actions;

import com.deskbridge.http.Quota;
import com.deskbridge.spapi.QuotaProvider;
import com.deskbridge.spapi.SpApiOperation;
import com.deskbridge.quota.QuotaCounters;
import com.deskbridge.quota.TokenBucket;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link QuotaProvider} whose tight operations share one budget per seller across all containers (a {@link TokenBucket}
 * in {@link QuotaCounters}): an in-memory bucket per container would let N concurrent API Lambdas call getOrder N times faster than
 * Amazon's 0.5/s and collect 429s. Other operations use {@code fallback}. createFeed must not be listed here: the
 * submitter takes its permit before calling (taking it again would spend two tokens per feed).
 */
public final class SharedQuotaProvider implements QuotaProvider {

    /** The operations actions call whose limits a handful of agents can exceed. */
    public static final Set<SpApiOperation> DEFAULT_SHARED = Set.of(SpApiOperation.ORDERS_GET_ORDER,
            SpApiOperation.ORDERS_V0_GET_ORDER, SpApiOperation.ORDERS_V0_GET_ORDER_ITEMS,
            SpApiOperation.FEEDS_CREATE_FEED_DOCUMENT, SpApiOperation.FEEDS_GET_FEED_DOCUMENT);

    private final QuotaCounters counters;
    private final Clock clock;
    private final Set<SpApiOperation> shared;
    private final QuotaProvider fallback;
    private final Map<SpApiOperation, TokenBucket> budgets = new ConcurrentHashMap<>();

    public SharedQuotaProvider(QuotaCounters counters, Clock clock, Set<SpApiOperation> shared, QuotaProvider fallback) {
        if (shared.contains(SpApiOperation.FEEDS_CREATE_FEED)) {
            throw new IllegalArgumentException("createFeed permits are taken by the FeedSubmitter itself");
        }
        this.counters = Objects.requireNonNull(counters);
        this.clock = Objects.requireNonNull(clock);
        this.shared = Set.copyOf(shared);
        this.fallback = Objects.requireNonNull(fallback);
    }

    @Override
    public Quota quota(SpApiOperation operation, String sellerId) {
        if (!shared.contains(operation)) {
            return fallback.quota(operation, sellerId);
        }
        return budgets.computeIfAbsent(operation, op -> new TokenBucket(counters, clock, op)).quota(sellerId);
    }

    @Override
    public void observedRateLimit(SpApiOperation operation, String sellerId, double ratePerSecond) {
        fallback.observedRateLimit(operation, sellerId, ratePerSecond);
    }
}
