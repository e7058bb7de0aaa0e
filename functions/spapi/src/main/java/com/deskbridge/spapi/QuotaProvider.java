package com.deskbridge.spapi;

import com.deskbridge.http.Quota;

/**
 * Hands out the client-side quota for one SP-API operation of one seller. SP-API limits apply per
 * account-application pair and operation (https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits), so the key is (operation, seller).
 * {@link InMemoryQuotaProvider} serves one container; a shared implementation (e.g. DynamoDB-backed, so
 * that all Lambda containers share the budget) only needs to implement {@link #quota}, using
 * {@link SpApiOperation#ratePerSecond()} and {@link SpApiOperation#burst()}.
 */
@FunctionalInterface
public interface QuotaProvider {

    Quota quota(SpApiOperation operation, String sellerId);

    /**
     * Amazon reported this seller's limit for the operation in {@code x-amzn-RateLimit-Limit}. Implementations
     * may adopt it; the default ignores it.
     */
    default void observedRateLimit(SpApiOperation operation, String sellerId, double ratePerSecond) {
    }
}
