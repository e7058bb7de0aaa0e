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
    /** Issued tokens: when each expires and which account it was issued to. */
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    /** Every accepted account by name: {@value #DEFAULT_ACCOUNT} (the fields above) and the fixture's {@code accounts}. */
    private final Map<String, String[]> accounts = new java.util.LinkedHashMap<>();
    /** Per account: authorized tracking calls and issued tokens. */
    private final Map<String, AtomicInteger[]> accountCounts = new ConcurrentHashMap<>();
    /** The account the current request's credentials matched (a request is handled on one thread, token issued after). */
    private final ThreadLocal<String> matched = new ThreadLocal<>();
    static final String DEFAULT_ACCOUNT = "default";

    private record Issued(Instant expiry, String account) {}
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
        accounts.put(DEFAULT_ACCOUNT, new String[] {apiKey, clientId, clientSecret});
        for (JsonNode a : config.path("accounts")) {
            String id = text(a, name.equals("dpd") ? "delisId" : "clientId", null);
            String secret = text(a, name.equals("dpd") ? "password" : "clientSecret", null);
            accounts.put(a.path("name").asText("account-" + accounts.size()), new String[] {text(a, "apiKey", null), id, secret});
        }
        accounts.keySet().forEach(k -> accountCounts.put(k, new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()}));
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

    /** A token for the account whose credentials this request's {@link #clientMatches} accepted. */
    String issueToken() {
        String account = matched.get() == null ? DEFAULT_ACCOUNT : matched.get();
        matched.remove();
        String token = name + "-" + UUID.randomUUID();
        tokens.put(token, new Issued(clock.instant().plusSeconds(tokenTtlSeconds), account));
        accountCounts.get(account)[1].incrementAndGet();
        return token;
    }

    /** Whether a tracking call's token is valid; a valid one counts as a tracking call of its account. */
    boolean tokenValid(String token) {
        if (token == null) {
            return false;
        }
        Issued issued = tokens.get(token);
        if (issued == null || !clock.instant().isBefore(issued.expiry())) {
            return false;
        }
        accountCounts.get(issued.account())[0].incrementAndGet();
        return true;
    }

    /** {@link #tokenValid(String)} for a token issued to the account whose client id is {@code clientId} (DPD's delisId). */
    boolean tokenValid(String token, String clientId) {
        Issued issued = token == null ? null : tokens.get(token);
        return issued != null && clientId != null && clientId.equals(accounts.get(issued.account())[1]) && tokenValid(token);
    }

    /** Per account name: {@code trackingCalls} (authorized) and {@code tokensIssued}. */
    Map<String, Map<String, Integer>> accountCounts() {
        Map<String, Map<String, Integer>> out = new java.util.LinkedHashMap<>();
        accounts.keySet().forEach(k -> out.put(k, Map.of("trackingCalls", accountCounts.get(k)[0].get(),
                "tokensIssued", accountCounts.get(k)[1].get())));
        return out;
    }

    void revokeTokens() {
        tokens.clear();
    }

    /** Whether an id and secret belong to one of the accounts (remembered for the token this request issues next). */
    boolean clientMatches(String id, String secret) {
        matched.remove();
        for (Map.Entry<String, String[]> a : accounts.entrySet()) {
            String[] c = a.getValue();
            if (c[1] != null && c[1].equals(id) && c[2] != null && c[2].equals(secret)) {
                matched.set(a.getKey());
                return true;
            }
        }
        return false;
    }

    /** Whether a key is one of the accounts'; a match counts as a tracking call of that account. */
    boolean apiKeyMatches(String key) {
        for (Map.Entry<String, String[]> a : accounts.entrySet()) {
            if (a.getValue()[0] != null && a.getValue()[0].equals(key)) {
                accountCounts.get(a.getKey())[0].incrementAndGet();
                return true;
            }
        }
        return false;
    }
}
