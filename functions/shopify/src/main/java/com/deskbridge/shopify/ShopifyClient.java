package com.deskbridge.shopify;

import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.http.UpstreamHttp;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Entry point to the Shopify Admin API for Deskbridge: wires access tokens (rotating refresh tokens), the cost-based
 * throttle and retrying HTTP once, and hands out clients for orders, refunds and cancellations. Build one per container
 * and share it; it is thread-safe.
 */
public final class ShopifyClient {

    /** How long a call may wait for the store's cost bucket before failing with QuotaExhaustedException. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(20);

    private final ShopifyOrdersClient orders;
    private final ShopifyRefundsClient refunds;
    private final ShopifyCancelClient cancels;

    public ShopifyClient(HttpClient http, Clock clock, Sleeper sleeper, SecretSource secrets, RefreshTokens refreshTokens,
                         ShopifyEndpoints endpoints) {
        this(http, clock, sleeper, secrets, refreshTokens, endpoints, Backoff.standard(new SplittableRandom()), DEFAULT_MAX_WAIT);
    }

    public ShopifyClient(HttpClient http, Clock clock, Sleeper sleeper, SecretSource secrets, RefreshTokens refreshTokens,
                         ShopifyEndpoints endpoints, Backoff backoff, Duration maxWait) {
        UpstreamHttp api = new UpstreamHttp("shopify", http, backoff, sleeper, maxWait, "X-Request-Id");
        UpstreamHttp oauth = new UpstreamHttp("shopify-oauth", http, backoff, sleeper, maxWait, "X-Request-Id");
        ShopifyTokens tokens = new ShopifyTokens(oauth, clock, secrets, refreshTokens, endpoints);
        ShopifyGraphqlClient graphql = new ShopifyGraphqlClient(api, tokens, endpoints, clock, sleeper, maxWait);
        this.orders = new ShopifyOrdersClient(graphql);
        this.refunds = new ShopifyRefundsClient(graphql);
        this.cancels = new ShopifyCancelClient(graphql);
    }

    public ShopifyOrdersClient orders() {
        return orders;
    }

    public ShopifyRefundsClient refunds() {
        return refunds;
    }

    public ShopifyCancelClient cancels() {
        return cancels;
    }
}
