package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated carrier: the credentials it accepts, its quota (fixed windows aligned to the epoch, so a one-day
 * quota resets at 00:00 UTC like DHL's), latency, injected faults, issued tokens and call counters.
 */
final class CarrierState {

    /** What the quota said about one call. */
    record QuotaCheck(boolean allowed, int limit, int remaining, long resetSeconds) {}

    final String name;
    final String apiKey;
    final String clientId;
    final String clientSecret;
    final long tokenTtlSeconds;
    final long latencyMs;
    private final Clock clock;
    private int quotaLimit;
    private Duration quotaPeriod;
    private long windowIndex = Long.MIN_VALUE;
    private int usedInWindow;
    private final Deque<Integer> faults = new ArrayDeque<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger tokenCalls = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();

    CarrierState(String name, JsonNode config, Clock clock, Map<String, String> defaults) {
        this.name = name;
        this.clock = clock;
        this.apiKey = text(config, "apiKey", defaults.get("apiKey"));
        this.clientId = text(config, name.equals("dpd") ? "delisId" : "clientId", defaults.get("clientId"));
        this.clientSecret = text(config, name.equals("dpd") ? "password" : "clientSecret", defaults.get("clientSecret"));
        this.tokenTtlSeconds = config.path("tokenTtlSeconds").asLong(Long.parseLong(defaults.getOrDefault("tokenTtlSeconds", "3599")));
        this.latencyMs = config.path("latencyMs").asLong(0);
        JsonNode quota = config.path("quota");
        if (quota.has("limit")) {
            this.quotaLimit = quota.get("limit").asInt();
            this.quotaPeriod = Duration.parse(quota.path("period").asText("P1D"));
        }
        for (JsonNode f : config.path("faults")) {
            injectFaults(f.path("status").asInt(503), f.path("count").asInt(1));
        }
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    synchronized void injectFaults(int status, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(status);
        }
    }

    /** The status of the next injected fault, consuming it, or 0. */
    synchronized int nextFault() {
        Integer f = faults.poll();
        return f == null ? 0 : f;
    }

    synchronized void setQuota(int limit, Duration period) {
        this.quotaLimit = limit;
        this.quotaPeriod = period;
        this.windowIndex = Long.MIN_VALUE;
    }

    /** Counts one call against the quota if it fits. */
    synchronized QuotaCheck take() {
        if (quotaPeriod == null) {
            return new QuotaCheck(true, -1, -1, 0);
        }
        Instant now = clock.instant();
        long periodMs = quotaPeriod.toMillis();
        long index = Math.floorDiv(now.toEpochMilli(), periodMs);
        if (index != windowIndex) {
            windowIndex = index;
            usedInWindow = 0;
        }
        long resetSeconds = Math.max(1, ((index + 1) * periodMs - now.toEpochMilli() + 999) / 1000);
        if (usedInWindow >= quotaLimit) {
            return new QuotaCheck(false, quotaLimit, 0, resetSeconds);
        }
        usedInWindow++;
        return new QuotaCheck(true, quotaLimit, quotaLimit - usedInWindow, resetSeconds);
    }

    String issueToken() {
        String token = name + "-" + UUID.randomUUID();
        tokens.put(token, clock.instant().plusSeconds(tokenTtlSeconds));
        return token;
    }

    boolean tokenValid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = tokens.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    void revokeTokens() {
        tokens.clear();
    }

    boolean clientMatches(String id, String secret) {
        return clientId != null && clientId.equals(id) && clientSecret != null && clientSecret.equals(secret);
    }

    boolean apiKeyMatches(String key) {
        return apiKey != null && apiKey.equals(key);
    }
}
