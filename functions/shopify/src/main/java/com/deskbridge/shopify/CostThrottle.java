package com.deskbridge.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The client's copy of a store's calculated-query-cost bucket (https://shopify.dev/docs/api/usage/rate-limits): every
 * GraphQL response reports {@code extensions.cost.throttleStatus} ({@code maximumAvailable}, {@code currentlyAvailable},
 * {@code restoreRate} points a second); between responses the bucket refills at the restore rate. Before a query the
 * client waits until the bucket holds the query's expected cost, so it is rarely THROTTLED; when it is, the response
 * says how much is available and the wait is computed from that.
 */
final class CostThrottle {

    private final Clock clock;
    private double maximum = Double.NaN;
    private double available;
    private double restoreRate;
    private Instant observedAt;

    CostThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long to wait before a query of {@code cost} points fits; zero before the first response. */
    synchronized Duration waitFor(int cost) {
        if (Double.isNaN(maximum) || restoreRate <= 0) {
            return Duration.ZERO;
        }
        double now = current();
        double needed = Math.min(cost, maximum) - now;
        return needed <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(needed / restoreRate * 1000));
    }

    /** Takes {@code cost} points at once (the query is about to be sent). */
    synchronized void take(int cost) {
        if (!Double.isNaN(maximum)) {
            available = current() - cost;
            observedAt = clock.instant();
        }
    }

    /** Reads a response's {@code extensions.cost.throttleStatus}. */
    synchronized void observe(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        if (status.path("maximumAvailable").isNumber() && status.path("currentlyAvailable").isNumber()) {
            maximum = status.get("maximumAvailable").asDouble();
            available = status.get("currentlyAvailable").asDouble();
            restoreRate = status.path("restoreRate").asDouble(restoreRate);
            observedAt = clock.instant();
        }
    }

    private double current() {
        double seconds = observedAt == null ? 0 : Math.max(0, Duration.between(observedAt, clock.instant()).toNanos() / 1e9);
        return Math.min(maximum, available + seconds * restoreRate);
    }
}
