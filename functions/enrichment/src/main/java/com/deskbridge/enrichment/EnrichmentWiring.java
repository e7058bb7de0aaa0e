package com.deskbridge.enrichment;

import com.deskbridge.actions.ChannelAccounts;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.carriers.CarrierRegistry;
import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.carriers.SellerCarriers;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.logistics.RefreshPlanner;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.quota.DynamoDbQuotaCounters;
import com.deskbridge.quota.QuotaCounters;
import com.deskbridge.spapi.InMemoryQuotaProvider;
import com.deskbridge.spapi.QuotaProvider;
import com.deskbridge.spapi.SpApiClient;
import com.deskbridge.spapi.SpApiEndpoints;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The enrichment functions' object graph, built once per container: from the environment (Lambda) or from given
 * clients and settings (tests, benchmark, local runner). Carrier calls go through the shared DynamoDB quota
 * ({@link SharedCarrierQuotas}) and a carrier registry that makes one attempt per call (retries come from the queue,
 * each asking the shared quota again). SP-API calls use {@link DynamoDbSpApiQuotas} (shared) unless a provider is given.
 */
public record EnrichmentWiring(EnrichmentService service, TicketEnrichmentStore store, TrackingCache cache,
                               SharedCarrierQuotas quotas, QuotaGuardedTracking tracking, AgentTrackingRefresh agentRefresh,
                               TrackingRefresh scheduledRefresh, DeadLetterQueue deadLetters, int maxReceives, Clock clock) {

    /** Everything configurable. {@code spApiQuotas} null: shared DynamoDB quotas. */
    public record Settings(String table, String queueUrl, String deadLetterQueueUrl, String eventBusName, int maxReceives,
                           SpApiEndpoints spApiEndpoints, SellerAccounts sellerAccounts, CarrierSettings carrierSettings,
                           CarrierBudgets budgets, TrackingFreshness freshness, Locale linkLocale,
                           QuotaProvider spApiQuotas, ChannelOrderSources channelOrders) {
        /** Without eBay and Shopify accounts: every order is read from SP-API. */
        public Settings(String table, String queueUrl, String deadLetterQueueUrl, String eventBusName, int maxReceives,
                        SpApiEndpoints spApiEndpoints, SellerAccounts sellerAccounts, CarrierSettings carrierSettings,
                        CarrierBudgets budgets, TrackingFreshness freshness, Locale linkLocale, QuotaProvider spApiQuotas) {
            this(table, queueUrl, deadLetterQueueUrl, eventBusName, maxReceives, spApiEndpoints, sellerAccounts,
                    carrierSettings, budgets, freshness, linkLocale, spApiQuotas, null);
        }

        public Settings {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(spApiEndpoints, "spApiEndpoints");
            Objects.requireNonNull(sellerAccounts, "sellerAccounts");
            Objects.requireNonNull(carrierSettings, "carrierSettings");
            budgets = budgets == null ? CarrierBudgets.documented() : budgets;
            freshness = freshness == null ? TrackingFreshness.defaults() : freshness;
            if (maxReceives < 1) {
                throw new IllegalArgumentException("maxReceives must be at least 1");
            }
        }
    }

    /**
     * From the environment template.yaml sets: TICKETS_TABLE, ENRICHMENT_QUEUE_URL, ENRICHMENT_DLQ_URL,
     * ENRICHMENT_MAX_RECEIVES (default 5, equal to the queue's maxReceiveCount), EVENT_BUS_NAME,
     * SPAPI_SECRET_PREFIX (default {@code deskbridge/spapi/}), SPAPI_DEFAULT_MARKETPLACE (default ATVPDKIKX0DER),
     * optional SPAPI_ENDPOINT + SPAPI_LWA_URL (simulator), CARRIER_ENDPOINT (the carrier simulator: every carrier
     * under {@code {endpoint}/{carrier}}) or CARRIER_&lt;UPSTREAM&gt;_BASE_URL / _SECRET,
     * optional TRACKING_LINK_LOCALE (e.g. de-DE); CARRIER_SELLER_SECRET_PREFIX (sellers' own carrier credentials,
     * default {@code deskbridge/seller-carriers/}); EBAY_SECRET_PREFIX, SHOPIFY_SECRET_PREFIX, EBAY_ENDPOINT, SHOPIFY_ENDPOINT
     * (the sellers' eBay accounts and Shopify stores, {@link ChannelAccounts}).
     */
    public static EnrichmentWiring fromEnvironment() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        SqsClient sqs = AwsClients.sqs();
        EventBridgeClient events = AwsClients.configure(EventBridgeClient.builder(), "EVENTBRIDGE").build();
        SpApiEndpoints endpoints = Env.get("SPAPI_ENDPOINT")
                .map(base -> SpApiEndpoints.local(base, Env.require("SPAPI_LWA_URL"))).orElseGet(SpApiEndpoints::production);
        Settings settings = new Settings(Env.require("TICKETS_TABLE"), Env.require("ENRICHMENT_QUEUE_URL"),
                Env.require("ENRICHMENT_DLQ_URL"), Env.require("EVENT_BUS_NAME"),
                Integer.parseInt(Env.get("ENRICHMENT_MAX_RECEIVES").orElse("5")), endpoints,
                SellerAccounts.bySecretPrefix(Env.get("SPAPI_SECRET_PREFIX").orElse("deskbridge/spapi/"),
                        Env.get("SPAPI_DEFAULT_MARKETPLACE").orElse("ATVPDKIKX0DER")),
                CarrierSettings.ofEnvironment(Env::get), CarrierBudgets.documented(), TrackingFreshness.defaults(),
                Env.get("TRACKING_LINK_LOCALE").map(Locale::forLanguageTag).orElse(Locale.US), null,
                // per message: a seller without a store or eBay account is not asked about again for a minute
                ChannelAccounts.fromEnvironment(dynamo, Env.require("TICKETS_TABLE"), Clock.systemUTC(),
                        SecretsManagerSource.MISSING));
        return of(settings, dynamo, sqs, events, SecretsManagerSource.fromEnvironment(SecretsManagerSource.MISSING),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), Clock.systemUTC(), Sleeper.REAL);
    }

    /** From given clients (tests point them at DynamoDB Local, ElasticMQ, the local EventBridge and the simulators). */
    public static EnrichmentWiring of(Settings s, DynamoDbClient dynamo, SqsClient sqs, EventBridgeClient events,
                                      SecretSource secrets, HttpClient http, Clock clock, Sleeper sleeper) {
        LogisticsEventPublisher publisher = s.eventBusName() == null ? list -> {
            throw new IllegalStateException("no event bus configured");
        } : new EventBridgeLogisticsPublisher(events, s.eventBusName());
        EnrichmentQueue queue = s.queueUrl() == null ? (r, d) -> {
            throw new IllegalStateException("no enrichment queue configured");
        } : EnrichmentQueue.sqs(sqs, s.queueUrl());
        Stores stores = new Stores(new DynamoDbQuotaCounters(dynamo, s.table()),
                new DynamoDbTrackingCache(dynamo, s.table(), clock, s.freshness()), new DynamoDbTicketEnrichmentStore(dynamo, s.table()),
                new DynamoDbEvidenceLog(dynamo, s.table(), clock), publisher, queue,
                s.deadLetterQueueUrl() == null ? null : new DeadLetterQueue(sqs, s.deadLetterQueueUrl()));
        return of(s, stores, secrets, http, clock, sleeper);
    }

    /**
     * Where a wiring keeps and sends its state: the tickets table, the enrichment queue and the event bus in AWS; memory
     * for SnapStart priming ({@link EnrichmentPriming}). {@code deadLetters} may be null.
     */
    record Stores(QuotaCounters counters, TrackingCache cache, TicketEnrichmentStore store, EvidenceLog evidence,
                  LogisticsEventPublisher publisher, EnrichmentQueue queue, DeadLetterQueue deadLetters) {
    }

    /** The same object graph over the given {@code stores}. */
    static EnrichmentWiring of(Settings s, Stores stores, SecretSource secrets, HttpClient http, Clock clock, Sleeper sleeper) {
        QuotaProvider spQuotas = s.spApiQuotas() != null ? s.spApiQuotas() : new DynamoDbSpApiQuotas(stores.counters(), clock);
        SpApiClient spApi = new SpApiClient(http, clock, sleeper, secrets, spQuotas, s.spApiEndpoints(),
                Backoff.standard(new SplittableRandom()), Duration.ofSeconds(5));
        CarrierRegistry registry = CarrierRegistry.create(s.carrierSettings(), secrets, clock, s.budgets(), http, sleeper,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 1, new SecureRandom()));
        // a seller's own carrier accounts where it stored some (PUT /sellers/{id}/carriers/{carrier}), else the stack's
        SellerCarriers carriers = new SellerCarriers(registry, secrets,
                Env.get("CARRIER_SELLER_SECRET_PREFIX").orElse(SellerCarriers.DEFAULT_PREFIX), clock);
        SharedCarrierQuotas quotas = new SharedCarrierQuotas(stores.counters(), clock, s.budgets());
        QuotaGuardedTracking tracking = new QuotaGuardedTracking(carriers,
                (upstream, seller) -> quotas.quota(upstream, seller)); // each seller's share of the shared budgets
        TrackingCache cache = stores.cache();
        TicketEnrichmentStore store = stores.store();
        SpApiOrderSource spApiOrders = new SpApiOrderSource(spApi, s.sellerAccounts());
        EnrichmentService service = new EnrichmentService(spApiOrders, spApiOrders, tracking, cache,
                store, stores.evidence(), stores.publisher(), clock, s.linkLocale(),
                s.channelOrders() == null ? ChannelOrderSources.NONE : s.channelOrders());
        AgentTrackingRefresh agent = new AgentTrackingRefresh(store, cache, quotas, stores.queue(), clock);
        TrackingRefresh refresh = new TrackingRefresh(cache, quotas, new RefreshPlanner(s.freshness(), s.budgets()),
                stores.queue(), clock);
        return new EnrichmentWiring(service, store, cache, quotas, tracking, agent, refresh, stores.deadLetters(),
                s.maxReceives(), clock);
    }
}
