package com.deskbridge.spapi;

import com.deskbridge.http.Quota;
import com.deskbridge.http.TokenBucket;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * One {@link TokenBucket} per (operation, seller) with Amazon's documented rate and burst, held in this
 * container's memory. Right for tests, local runs and functions with a single concurrent container.
 */
public final class InMemoryQuotaProvider implements QuotaProvider {

    private static final Logger LOG = Logger.getLogger(InMemoryQuotaProvider.class.getName());

    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public InMemoryQuotaProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Quota quota(SpApiOperation operation, String sellerId) {
        return buckets.computeIfAbsent(operation.id() + "|" + sellerId,
                k -> TokenBucket.perSecond(clock, operation.ratePerSecond(), operation.burst()));
    }

    /** Logs once per (operation, seller) when Amazon's reported limit differs from the documented one. */
    @Override
    public void observedRateLimit(SpApiOperation operation, String sellerId, double ratePerSecond) {
        if (Math.abs(ratePerSecond - operation.ratePerSecond()) > 1e-4 && reported.add(operation.id() + "|" + sellerId)) {
            LOG.info(() -> "SP-API reports " + ratePerSecond + " req/s for " + operation.id() + " (seller " + sellerId
                    + "), documented " + operation.ratePerSecond() + "; the client keeps the documented rate");
        }
    }
}
