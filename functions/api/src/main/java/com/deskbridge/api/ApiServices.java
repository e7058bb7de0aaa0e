package com.deskbridge.api;

import com.deskbridge.actions.ActionStore;
import com.deskbridge.actions.DynamoDbActionStore;
import com.deskbridge.actions.AuditTrail;
import com.deskbridge.actions.MoneyAlerts;
import com.deskbridge.actions.OrderActions;
import com.deskbridge.actions.RefundControlsJson;
import com.deskbridge.actions.ShipToWatch;
import com.deskbridge.actions.SpApiAccess;
import com.deskbridge.actions.SqsSubmitTrigger;
import com.deskbridge.actions.SubmitTrigger;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.adapters.dynamodb.DynamoDbInbox;
import com.deskbridge.adapters.dynamodb.DynamoDbReplyTranslations;
import com.deskbridge.adapters.translate.AmazonTranslateClient;
import com.deskbridge.translation.ReplyTranslations;
import com.deskbridge.translation.Translator;
import com.deskbridge.adapters.dynamodb.DynamoDbSlaMetricsArchive;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketNotes;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketPresence;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketSearch;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.dynamodb.ResponseRecords;
import com.deskbridge.adapters.outbound.SellerReplyChannels;
import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.deskbridge.carriers.CarrierRegistry;
import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.carriers.SellerCarriers;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.Sleeper;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.adapters.sellers.DynamoDbSellerRegistry;
import com.deskbridge.adapters.settings.DynamoDbSellerSettings;
import com.deskbridge.domain.seller.SellerRegistry;
import com.deskbridge.adapters.logging.SecurityEvents;
import com.deskbridge.adapters.settings.SellerDocuments;
import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.adapters.sqs.SqsReplyDispatcher;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.reviews.ReviewRequests;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.port.Inbox;
import com.deskbridge.domain.port.OutboundChannels;
import com.deskbridge.domain.port.ReplyDispatcher;
import com.deskbridge.domain.port.ResponseLog;
import com.deskbridge.domain.port.SlaMetricsArchive;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.enrichment.AgentTrackingRefresh;
import com.deskbridge.enrichment.TicketEnrichmentReader;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.orderactions.RefundControls;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the API handler works with: the ports and settings ({@link ApiApplication} builds the services from them).
 * {@link #fromEnvironment()} is the API function's one composition root.
 *
 * @param defaultPolicy the SLA policy document of sellers who stored none
 * @param inbox         the smart inbox the ticket store keeps
 * @param sellers       the seller registry (onboarding: POST /sellers, mail aliases)
 */
public record ApiServices(TicketQueries queries, TicketCommands commands, SellerSettings settings,
                          ReplyDispatcher dispatcher, ResponseLog responses, SlaMetricsArchive dailyMetrics,
                          Supplier<OrderActions> orderActions, TicketContext context, Collaboration collaboration,
                          Supplier<AgentTrackingRefresh> trackingRefresh, ComplianceChecker compliance,
                          OutboundChannels outbound, Clock clock, String defaultPolicy, Inbox inbox, SellerRegistry sellers,
                          AgentCounters counters, Supplier<ReviewRequests> reviews, ApiLimits limits,
                          com.deskbridge.audit.AuditStore audits, Supplier<AmazonAuthorization> amazon,
                          Translations translations, Supplier<EbayAuthorization> ebay,
                          Supplier<CarrierConnections> carriers, Supplier<ShopifyWebhookIntake> shopifyWebhooks) {

    /** Without eBay's onboarding, the sellers' own carrier accounts and Shopify's webhooks (compositions about something else). */
    public ApiServices(TicketQueries queries, TicketCommands commands, SellerSettings settings,
                       ReplyDispatcher dispatcher, ResponseLog responses, SlaMetricsArchive dailyMetrics,
                       Supplier<OrderActions> orderActions, TicketContext context, Collaboration collaboration,
                       Supplier<AgentTrackingRefresh> trackingRefresh, ComplianceChecker compliance,
                       OutboundChannels outbound, Clock clock, String defaultPolicy, Inbox inbox, SellerRegistry sellers,
                       AgentCounters counters, Supplier<ReviewRequests> reviews, ApiLimits limits,
                       com.deskbridge.audit.AuditStore audits, Supplier<AmazonAuthorization> amazon, Translations translations) {
        this(queries, commands, settings, dispatcher, responses, dailyMetrics, orderActions, context, collaboration,
                trackingRefresh, compliance, outbound, clock, defaultPolicy, inbox, sellers, counters, reviews, limits, audits,
                amazon, translations, () -> {
                    throw new IllegalStateException("no eBay authorization in this composition");
                }, () -> {
                    throw new IllegalStateException("no carrier connections in this composition");
                }, () -> {
                    throw new IllegalStateException("no Shopify webhooks in this composition");
                });
    }

    /**
     * Machine translation (issue 15): the engine, built on first use, and where replies' translations are kept.
     *
     * @param retention how long reply translations (buyer-related text) are kept
     */
    public record Translations(Supplier<Translator> translator, ReplyTranslations replies, Duration retention) {
        /** No engine: a seller who switches translation on gets "unavailable" (compositions about something else). */
        public static final Translations NONE = new Translations(() -> (text, from, to) -> {
            throw new com.deskbridge.translation.TranslationUnavailableException("no translation engine in this composition",
                    null);
        }, null, Duration.ofDays(30));
    }

    /**
     * Without the compliance audit's store, the Amazon authorization workflow and machine translation (handler
     * tests about something else).
     */
    public ApiServices(TicketQueries queries, TicketCommands commands, SellerSettings settings,
                       ReplyDispatcher dispatcher, ResponseLog responses, SlaMetricsArchive dailyMetrics,
                       Supplier<OrderActions> orderActions, TicketContext context, Collaboration collaboration,
                       Supplier<AgentTrackingRefresh> trackingRefresh, ComplianceChecker compliance,
                       OutboundChannels outbound, Clock clock, String defaultPolicy, Inbox inbox, SellerRegistry sellers,
                       AgentCounters counters, Supplier<ReviewRequests> reviews, ApiLimits limits) {
        this(queries, commands, settings, dispatcher, responses, dailyMetrics, orderActions, context, collaboration,
                trackingRefresh, compliance, outbound, clock, defaultPolicy, inbox, sellers, counters, reviews, limits, null, () -> {
                    throw new IllegalStateException("no Amazon authorization in this composition");
                }, Translations.NONE);
    }

    /**
     * Without the agents' daily counters, review requests and per-agent and per-tenant request limits (handler tests
     * about something else).
     */
    public ApiServices(TicketQueries queries, TicketCommands commands, SellerSettings settings,
                       ReplyDispatcher dispatcher, ResponseLog responses, SlaMetricsArchive dailyMetrics,
                       Supplier<OrderActions> orderActions, TicketContext context, Collaboration collaboration,
                       Supplier<AgentTrackingRefresh> trackingRefresh, ComplianceChecker compliance,
                       OutboundChannels outbound, Clock clock, String defaultPolicy, Inbox inbox, SellerRegistry sellers) {
        this(queries, commands, settings, dispatcher, responses, dailyMetrics, orderActions, context, collaboration,
                trackingRefresh, compliance, outbound, clock, defaultPolicy, inbox, sellers, null, () -> {
                    throw new IllegalStateException("no review requests in this composition");
                }, ApiLimits.NONE);
    }

    /**
     * The real adapters, from the environment template.yaml sets. One DynamoDB and one SQS client per container serve
     * every adapter; the SP-API client (and its Secrets Manager client) is built on the first refund or cancellation.
     */
    public static ApiServices fromEnvironment() {
        return fromEnvironment(null);
    }

    /**
     * The real adapters, whose DynamoDB and SQS clients refuse every write while {@code writes} runs SnapStart priming
     * (null: clients as they are).
     */
    public static ApiServices fromEnvironment(com.deskbridge.adapters.aws.PrimingWrites writes) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = writes == null ? AwsClients.dynamoDb() : writes.guard(AwsClients.dynamoDb());
        SqsClient sqs = writes == null ? AwsClients.sqs() : writes.guard(AwsClients.sqs());
        String table = Env.require("TICKETS_TABLE");
        DynamoDbTicketStore store = new DynamoDbTicketStore(dynamo, table);
        DynamoDbEvidenceLog evidence = new DynamoDbEvidenceLog(dynamo, table, clock);
        ActionStore actions = new DynamoDbActionStore(dynamo, table);
        Duration retention = Env.days("PERSONAL_DATA_RETENTION_DAYS", 30);
        // one SP-API access (HTTP client, quotas, secrets) per container, built on the first call that needs Amazon
        Supplier<SecretsManagerSource> secrets = memoized(SecretsManagerSource::fromEnvironment);
        Supplier<SpApiAccess> spApiAccess = memoized(() -> SpApiAccess.fromEnvironment(dynamo, table, secrets.get(), clock));
        DynamoDbSellerRegistry sellers = new DynamoDbSellerRegistry(dynamo, table);
        DynamoDbSellerSettings settings = new DynamoDbSellerSettings(dynamo, table, clock);
        // one eBay/Shopify account set per container, for the actions and Shopify's webhooks alike
        Supplier<com.deskbridge.actions.ChannelAccounts> channels = memoized(() ->
                com.deskbridge.actions.ChannelAccounts.fromEnvironment(dynamo, table, clock));
        Supplier<OrderActions> orderActions = memoized(() -> orderActions(actions, spApiAccess.get(), evidence, sqs,
                settings, channels.get(), dynamo, table, retention, clock));
        TicketContext context = TicketContext.confirmingChannelActions(TicketContext.of(TicketEnrichmentReader.create(dynamo, table),
                actions, evidence), orderActions);
        return new ApiServices(new TicketQueries(store, clock), new TicketCommands(store, clock, retention),
                settings, new SqsReplyDispatcher(sqs, Env.require("OUTBOUND_QUEUE_URL")),
                new ResponseRecords(dynamo, table), new DynamoDbSlaMetricsArchive(dynamo, table),
                orderActions,
                // an eBay or Shopify action still settling is confirmed by asking the channel when it is read
                context,
                new Collaboration(new DynamoDbTicketSearch(dynamo, table), new DynamoDbTicketNotes(dynamo, table),
                        new DynamoDbTicketPresence(dynamo, table), evidence, retention),
                memoized(() -> AgentTrackingRefresh.create(dynamo, table, sqs, Env.require("ENRICHMENT_QUEUE_URL"), clock)),
                new ComplianceChecker(), new SellerReplyChannels(name -> secrets.get().secret(name),
                        Env.get("EBAY_SECRET_PREFIX").orElse("deskbridge/ebay/"),
                        Env.get("SHOPIFY_SECRET_PREFIX").orElse("deskbridge/shopify/")), clock,
                SlaPolicyJson.defaultDocument(Env.get("SLA_TIME_ZONE").orElse("UTC")), new DynamoDbInbox(dynamo, table),
                sellers, new AgentCounters(dynamo, table),
                memoized(() -> new ReviewRequests(spApiAccess.get().client().solicitations(), spApiAccess.get().accounts(),
                        dynamo, table, evidence, clock)),
                new ApiLimits((name, permits, period) -> new com.deskbridge.quota.WindowQuota(new com.deskbridge.quota.DynamoDbQuotaCounters(dynamo, table), clock, name, permits, period).take()),
                new com.deskbridge.adapters.dynamodb.DynamoDbAuditStore(dynamo, table),
                memoized(() -> new AmazonAuthorization(sellers, secrets.get(), secrets.get(), memoized(() -> spApiAccess.get().client()),
                        amazonSettings(), clock)),
                new Translations(memoized(AmazonTranslateClient::fromEnvironment),
                        new DynamoDbReplyTranslations(dynamo, table), retention),
                memoized(() -> ebayAuthorization(sellers, secrets.get(), clock)),
                memoized(() -> new CarrierConnections(sellers, memoized(() -> carrierChecks(clock)), secrets.get(),
                        Env.get("CARRIER_SELLER_SECRET_PREFIX").orElse(SellerCarriers.DEFAULT_PREFIX), clock)),
                // Shopify's order webhooks (POST /webhooks/shopify/{sellerId}): verified with the shop's client secret
                memoized(() -> new ShopifyWebhookIntake(new com.deskbridge.shopify.ShopifyWebhooks(secrets.get(),
                        channels.get()::shop), new DynamoDbWebhookDeliveries(dynamo, table), channels.get(),
                        new DynamoDbTicketSearch(dynamo, table),
                        com.deskbridge.enrichment.EnrichmentQueue.sqs(sqs, Env.require("ENRICHMENT_QUEUE_URL")), context, clock)));
    }

    /** Refunds and cancellations: Amazon's through SP-API, eBay's and Shopify's at their channel (issue 15). */
    private static OrderActions orderActions(ActionStore actions, SpApiAccess spApi, DynamoDbEvidenceLog evidence,
                                             SqsClient sqs, DynamoDbSellerSettings settings,
                                             com.deskbridge.actions.ChannelAccounts channels, DynamoDbClient dynamo,
                                             String table, Duration retention, Clock clock) {
        SellerDocuments<RefundControls> refundControls = new SellerDocuments<>(settings, SellerSetting.REFUND_CONTROLS,
                RefundControls.DEFAULT, RefundControlsJson::parse);
        return new OrderActions(actions, spApi.client(), spApi.accounts(), new AuditTrail(evidence),
                Env.get("ACTIONS_QUEUE_URL").<SubmitTrigger>map(url -> new SqsSubmitTrigger(sqs, url))
                        .orElse(SubmitTrigger.NONE), clock,
                seller -> refundControls.apply(new SellerId(seller)), new ShipToWatch(dynamo, table, retention),
                new MoneyAlerts(SecurityEvents.standard(), new com.deskbridge.quota.DynamoDbQuotaCounters(dynamo, table), clock))
                .withChannels(channels);
    }

    /**
     * eBay's authorization code grant (onboarding): EBAY_SECRET_PREFIX, EBAY_APPLICATION_SECRET,
     * ONBOARDING_STATE_KEY_SECRET, EBAY_ENDPOINT (empty: eBay's hosts).
     */
    private static EbayAuthorization ebayAuthorization(SellerRegistry sellers, SecretsManagerSource secrets, Clock clock) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        com.deskbridge.ebay.EbayEndpoints endpoints = Env.get("EBAY_ENDPOINT").filter(s -> !s.isBlank())
                .map(com.deskbridge.ebay.EbayEndpoints::local).orElseGet(com.deskbridge.ebay.EbayEndpoints::production);
        com.deskbridge.ebay.EbayCallLimits limits = new com.deskbridge.ebay.EbayCallLimits(clock);
        String stateKey = Env.require("ONBOARDING_STATE_KEY_SECRET");
        return new EbayAuthorization(secrets, secrets, source -> new com.deskbridge.ebay.EbayClient(http, clock,
                com.deskbridge.http.Sleeper.REAL, source, endpoints, limits),
                new OnboardingState(sellers, secrets, stateKey, clock),
                new EbayAuthorization.Settings(Env.get("EBAY_SECRET_PREFIX").orElse("deskbridge/ebay/"),
                        Env.get("EBAY_APPLICATION_SECRET").orElse("deskbridge/ebay-application"), stateKey));
    }

    /**
     * The workflow's settings from the environment template.yaml sets: SPAPI_SECRET_PREFIX, SPAPI_APPLICATION_SECRET,
     * ONBOARDING_STATE_KEY_SECRET, SPAPI_NOTIFICATIONS_QUEUE_ARN, SPAPI_CONSENT_URL (local runs only), SPAPI_APP_DRAFT,
     * ONBOARDING_REDIRECT_URI.
     */
    private static AmazonAuthorization.Settings amazonSettings() {
        return new AmazonAuthorization.Settings(Env.get("SPAPI_SECRET_PREFIX").orElse("deskbridge/spapi/"),
                Env.require("SPAPI_APPLICATION_SECRET"), Env.require("ONBOARDING_STATE_KEY_SECRET"),
                Env.require("SPAPI_NOTIFICATIONS_QUEUE_ARN"), Env.get("SPAPI_CONSENT_URL"),
                Env.get("SPAPI_APP_DRAFT").map(Boolean::parseBoolean).orElse(false),
                com.deskbridge.spapi.Region.valueOf(Env.get("SPAPI_REGION").orElse("EU")), Env.get("ONBOARDING_REDIRECT_URI"));
    }

    /**
     * The carrier adapters the credentials checks of PUT /sellers/{id}/carriers/{carrier} are made with (CARRIER_ENDPOINT
     * or CARRIER_&lt;UPSTREAM&gt;_BASE_URL, as enrichment's): they read no secret, the credentials under test are passed.
     */
    private static CarrierRegistry carrierChecks(Clock clock) {
        return CarrierRegistry.create(CarrierSettings.ofEnvironment(Env::get), name -> {
            throw new IllegalStateException("the API reads no carrier secret (" + name + ")");
        }, clock, CarrierBudgets.documented(), java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5)).build(), Sleeper.REAL,
                new Backoff(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(1), 2, new java.security.SecureRandom()));
    }

    static <T> Supplier<T> memoized(Supplier<T> build) {
        return com.deskbridge.adapters.config.Memoized.of(build);
    }
}
