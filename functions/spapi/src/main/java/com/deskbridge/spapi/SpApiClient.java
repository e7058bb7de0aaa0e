package com.deskbridge.spapi;

import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.http.UpstreamHttp;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Entry point to the Selling Partner API for Deskbridge: wires Login with Amazon tokens, regional endpoints,
 * per-operation client-side quotas and retrying HTTP once, and hands out focused clients for Orders,
 * Fulfillment Outbound (MCF), Feeds and Reports. Build one per container and share it; it is thread-safe.
 */
public final class SpApiClient {

    /** How long a call may wait for a client-side quota permit before failing with QuotaExhaustedException. */
    public static final Duration DEFAULT_MAX_QUOTA_WAIT = Duration.ofSeconds(10);

    private final OrdersClient orders;
    private final FulfillmentOutboundClient fulfillmentOutbound;
    private final FeedsClient feeds;
    private final ReportsClient reports;
    private final SolicitationsClient solicitations;
    private final NotificationsClient notifications;
    private final LwaTokens lwaTokens;

    /** Production defaults: standard jittered backoff, {@link #DEFAULT_MAX_QUOTA_WAIT}. */
    public SpApiClient(HttpClient http, Clock clock, Sleeper sleeper, SecretSource secrets, QuotaProvider quotas,
                       SpApiEndpoints endpoints) {
        this(http, clock, sleeper, secrets, quotas, endpoints, Backoff.standard(new SplittableRandom()), DEFAULT_MAX_QUOTA_WAIT);
    }

    public SpApiClient(HttpClient http, Clock clock, Sleeper sleeper, SecretSource secrets, QuotaProvider quotas,
                       SpApiEndpoints endpoints, Backoff backoff, Duration maxQuotaWait) {
        this(http, clock, sleeper, secrets, quotas, endpoints, backoff, maxQuotaWait, ReportsClient.Polling.defaults());
    }

    /** With a given report polling budget (getReport interval and how long to wait for a report). */
    public SpApiClient(HttpClient http, Clock clock, Sleeper sleeper, SecretSource secrets, QuotaProvider quotas,
                       SpApiEndpoints endpoints, Backoff backoff, Duration maxQuotaWait, ReportsClient.Polling reportPolling) {
        UpstreamHttp api = new UpstreamHttp("sp-api", http, backoff, sleeper, maxQuotaWait, "x-amzn-RequestId");
        UpstreamHttp lwa = new UpstreamHttp("login-with-amazon", http, backoff, sleeper, maxQuotaWait, "x-amzn-RequestId");
        this.lwaTokens = new LwaTokens(lwa, clock, secrets, endpoints.lwaTokenUrl());
        // createFeed is a non-idempotent POST: its own single-attempt sender, in this one client (one token cache)
        UpstreamHttp apiOnce = new UpstreamHttp("sp-api", http, new Backoff(backoff.base(), backoff.cap(), 1, backoff.random()),
                sleeper, maxQuotaWait, "x-amzn-RequestId");
        SpApiTransport transport = new SpApiTransport(api, apiOnce, lwaTokens, quotas, endpoints);
        this.orders = new OrdersClient(transport);
        this.fulfillmentOutbound = new FulfillmentOutboundClient(transport);
        DocumentTransfer documents = new DocumentTransfer(http, backoff, sleeper);
        this.feeds = new FeedsClient(transport, documents);
        this.reports = new ReportsClient(transport, documents, clock, sleeper, reportPolling);
        this.solicitations = new SolicitationsClient(transport);
        this.notifications = new NotificationsClient(transport);
    }

    /** Notifications API v1: destinations (grantless) and a seller's subscriptions. */
    public NotificationsClient notifications() {
        return notifications;
    }

    /**
     * Login with Amazon's authorization-code exchange of the website authorization workflow: the selling partner's
     * refresh token for the {@code spapi_oauth_code} Seller Central sent to {@code redirectUri}; {@code application}
     * holds our application's {@code client_id} and {@code client_secret}.
     *
     * @throws LwaAuthException when LWA refuses the code
     */
    public String exchangeAuthorizationCode(java.util.Map<String, String> application, String applicationSecretName,
                                            String code, String redirectUri) {
        return lwaTokens.exchangeAuthorizationCode(application, applicationSecretName, code, redirectUri);
    }

    /** Solicitations API v1: Amazon's review and seller-feedback request. */
    public SolicitationsClient solicitations() {
        return solicitations;
    }

    public OrdersClient orders() {
        return orders;
    }

    public FulfillmentOutboundClient fulfillmentOutbound() {
        return fulfillmentOutbound;
    }

    public FeedsClient feeds() {
        return feeds;
    }

    /** Reports API (the FBA shipments report); keeps its per-seller report cache, so share this client. */
    public ReportsClient reports() {
        return reports;
    }
}
