package com.deskbridge.ebay;

import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.http.UpstreamHttp;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Entry point to eBay for Deskbridge: wires OAuth user tokens, the daily call limits, retrying HTTP and digital
 * signatures once, and hands out focused clients for the Message, Fulfillment, Post-Order and Identity APIs. Build one
 * per container and share it; it is thread-safe.
 */
public final class EbayClient {

    /** How long a call may wait for a client-side permit before failing with QuotaExhaustedException. */
    public static final Duration DEFAULT_MAX_QUOTA_WAIT = Duration.ofSeconds(10);

    private final EbayOAuth oauth;
    private final EbayMessagesClient messages;
    private final EbayFulfillmentClient fulfillment;
    private final EbayPostOrderClient postOrder;
    private final EbayIdentityClient identity;
    private final EbayCallLimits limits;

    /** Production defaults: standard jittered backoff, {@link #DEFAULT_MAX_QUOTA_WAIT}. */
    public EbayClient(HttpClient http, Clock clock, Sleeper sleeper, SecretSource secrets, EbayEndpoints endpoints, EbayCallLimits limits) {
        this(http, clock, sleeper, secrets, endpoints, limits, Backoff.standard(new SplittableRandom()), DEFAULT_MAX_QUOTA_WAIT);
    }

    public EbayClient(HttpClient http, Clock clock, Sleeper sleeper, SecretSource secrets, EbayEndpoints endpoints, EbayCallLimits limits,
                      Backoff backoff, Duration maxQuotaWait) {
        UpstreamHttp api = new UpstreamHttp("ebay", http, backoff, sleeper, maxQuotaWait, "x-ebay-c-request-id");
        UpstreamHttp identityProvider = new UpstreamHttp("ebay-oauth", http, backoff, sleeper, maxQuotaWait, "x-ebay-c-request-id");
        this.oauth = new EbayOAuth(identityProvider, clock, secrets, endpoints);
        this.limits = limits;
        EbayTransport transport = new EbayTransport(api, oauth, limits, endpoints, secrets, clock);
        this.messages = new EbayMessagesClient(transport);
        this.fulfillment = new EbayFulfillmentClient(transport);
        this.postOrder = new EbayPostOrderClient(transport);
        this.identity = new EbayIdentityClient(transport);
    }

    public EbayOAuth oauth() {
        return oauth;
    }

    public EbayMessagesClient messages() {
        return messages;
    }

    public EbayFulfillmentClient fulfillment() {
        return fulfillment;
    }

    public EbayPostOrderClient postOrder() {
        return postOrder;
    }

    public EbayIdentityClient identity() {
        return identity;
    }

    public EbayCallLimits limits() {
        return limits;
    }
}
