package com.deskbridge.enrichment;

import com.deskbridge.http.Quota;
import com.deskbridge.quota.QuotaCounters;
import com.deskbridge.quota.WindowQuota;
import com.deskbridge.spapi.QuotaProvider;
import com.deskbridge.spapi.SpApiOperation;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SP-API's per-(operation, seller) rate and burst shared by all containers: a {@link WindowQuota} of
 * {@code burst/2} permits per window of {@code burst/(2*rate)} seconds. Whatever the alignment, at most
 * {@code rate*T + burst} calls fall into any span of length T, which is what Amazon's token bucket (rate, burst)
 * admits, so the shared limiter never earns a 429 (getOrder 0.5/s burst 30: 15 calls per 30 s window).
 */
public final class DynamoDbSpApiQuotas implements QuotaProvider {

    private final QuotaCounters counters;
    private final Clock clock;
    private final Map<String, Quota> quotas = new ConcurrentHashMap<>();

    public DynamoDbSpApiQuotas(QuotaCounters counters, Clock clock) {
        this.counters = Objects.requireNonNull(counters);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Quota quota(SpApiOperation operation, String sellerId) {
        return quotas.computeIfAbsent(operation.id() + "|" + sellerId, k -> {
            int permits = Math.max(1, operation.burst() / 2);
            long windowMillis = (long) Math.ceil(permits * 1000.0 / operation.ratePerSecond());
            return new WindowQuota(counters, clock, "spapi#" + operation.id() + "#" + sellerId, permits,
                    Duration.ofMillis(Math.max(1, windowMillis)));
        });
    }
}
