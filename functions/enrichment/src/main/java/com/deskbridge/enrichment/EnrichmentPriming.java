package com.deskbridge.enrichment;

import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.adapters.secrets.SecretsManagerSource;
import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.http.HttpPriming;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.logistics.TrackingUpstream;
import com.deskbridge.quota.DynamoDbQuotaCounters;
import com.deskbridge.spapi.SpApiEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * SnapStart priming of a whole enrichment (EnrichmentHandler's hook runs it before the snapshot): an FBM order with one
 * parcel at each of DHL, UPS, FedEx, USPS and DPD is enriched through the function's own object graph
 * ({@link EnrichmentWiring}) - SP-API's Login with Amazon token and getOrder (Orders API v2026-01-01, orders_2026-01-01.json),
 * each carrier's token and tracking call in parallel, their parsing and status mapping, the proactive flags (the
 * promised delivery has passed), the evidence records, the ticket's write rules and outbox. Its credentials are read and
 * its state kept as a real first request does, through the function's own adapters on the SDK's real clients: Secrets
 * Manager's GetSecretValue ({@link SecretsManagerSource}: the secret's JSON, its dates) and the tickets table's
 * adapters - the ticket read, its writes with the inbox's view index ({@link DynamoDbTicketEnrichmentStore}), the
 * shared SP-API and carrier quotas, the tracking cache, the evidence chain - on a table in memory
 * ({@link PrimingTable}). The second run finds the first one's tracking in the cache, as a parcel seen before is read.
 *
 * <p>Nothing leaves the container and nothing a seller can see changes: every upstream and AWS service is a loopback
 * server ({@link HttpPriming#withLoopback}) answering with recorded bodies of the services' documented formats
 * ({@code /snapstart/priming/}, invented values: the reserved seller {@value SnapStartPriming#RESERVED_SELLER}, order
 * {@value #ORDER_ID}, placeholder credentials); the SDK clients pointed at it sign with placeholder credentials
 * ({@link AwsClients#loopback}: the container's are not read); a request it has no answer for is refused, which fails
 * the priming run; events go nowhere; the clock is fixed. What it does not prime: TLS, and the calls of the function's
 * own DynamoDB / SQS / EventBridge clients (SnapStartPriming readies those on its own).
 */
final class EnrichmentPriming {
    static final String ORDER_ID = "302-0000000-0000000";
    static final String TICKET_ID = "tsnapstartprimingaaaaaaaa";
    static final String MARKETPLACE = "A1PA6795UKMFR9";
    /** The day after the order's promised delivery (2026-11-25): its parcels are late, so flags are raised. */
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String SECRETS = "snapstart-priming/";
    /** The tickets table as the priming wiring names it (the loopback server answers for it alone). */
    private static final String TABLE = "snapstart-priming";
    private static final String DYNAMODB = "POST / " + PrimingTable.TARGET;
    /** Request ("METHOD /path" prefix) to the recorded answer that serves it. */
    private static final Map<String, String> ROUTES = new LinkedHashMap<>();

    static {
        ROUTES.put("POST /lwa", "lwa-token.json");
        ROUTES.put("GET /sp-api/orders/2026-01-01/orders/" + ORDER_ID + "?", "sp-api-getOrder.json");
        ROUTES.put("GET /dhl/track/shipments?", "dhl-track.json");
        ROUTES.put("POST /ups/security/v1/oauth/token", "ups-token.json");
        ROUTES.put("GET /ups/api/track/v1/details/", "ups-track.json");
        ROUTES.put("POST /fedex/oauth/token", "fedex-token.json");
        ROUTES.put("POST /fedex/track/v1/trackingnumbers", "fedex-track.json");
        ROUTES.put("POST /usps/oauth2/v3/token", "usps-token.json");
        ROUTES.put("GET /usps/tracking/v3/tracking/", "usps-track.json");
        ROUTES.put("POST /dpd/soap/services/LoginService/", "dpd-login.xml");
        ROUTES.put("POST /dpd/soap/services/ParcelLifeCycleService/", "dpd-track.xml");
        ROUTES.put("POST / secretsmanager.GetSecretValue", "secretsmanager-getSecretValue.json");
    }

    private final Map<String, HttpPriming.Answer> answers = new LinkedHashMap<>();
    /**
     * The tickets table the whole path reads and writes (kept over the runs: the second finds the first's tracking in
     * the cache, its quota levels and the ticket's evidence).
     */
    private final PrimingTable table = new PrimingTable();
    private final String ticket = json("dynamodb-ticket.json");
    private final String inboxState = json("dynamodb-inbox-state.json");
    /** The routes the loopback server answered (a request refused is not one of them). */
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    EnrichmentPriming() {
        ROUTES.forEach((request, file) -> answers.put(request, new HttpPriming.Answer(200, file.endsWith(".xml")
                ? "text/xml; charset=UTF-8" : file.startsWith("secretsmanager") ? "application/x-amz-json-1.1"
                : "application/json", resource(file))));
    }

    private static String json(String file) {
        return new String(resource(file), StandardCharsets.UTF_8).trim();
    }

    /** The requests the loopback server answered so far ("METHOD /path" prefixes, AWS operations with their target). */
    Set<String> answered() {
        return Set.copyOf(answered);
    }

    /**
     * One enrichment of the priming ticket through {@code http} (a client built as the function's): a new object graph
     * over new SDK clients each time (the table is kept: the second run reads the first one's tracking from the cache).
     *
     * @return the ticket's enrichment as read back through the tickets table's adapter
     */
    TicketEnrichment run(HttpClient http, Locale linkLocale) throws IOException, InterruptedException {
        // the priming ticket as intake stores it (its SLA milestones, its inbox state), before its first enrichment
        table.put(ticket);
        table.put(inboxState);
        return HttpPriming.withLoopback(this::answer, base -> enrich(base, http, linkLocale));
    }

    private HttpPriming.Answer answer(String request, byte[] body) {
        if (request.startsWith(DYNAMODB)) {
            HttpPriming.Answer answer = table.answer(request.substring(DYNAMODB.length()), body);
            if (answer != null) {
                answered.add(request);
            }
            return answer;
        }
        for (Map.Entry<String, HttpPriming.Answer> route : answers.entrySet()) {
            if (request.startsWith(route.getKey())) {
                answered.add(route.getKey());
                return route.getValue();
            }
        }
        return null; // refused 403
    }

    private static TicketEnrichment enrich(URI base, HttpClient http, Locale linkLocale) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        EnrichmentWiring.Settings settings = settings(base, clock, linkLocale);
        try (DynamoDbClient dynamo = AwsClients.loopback(DynamoDbClient.builder(), base).build();
             SecretsManagerClient secretsManager = AwsClients.loopback(SecretsManagerClient.builder(), base).build()) {
            DynamoDbTicketEnrichmentStore store = new DynamoDbTicketEnrichmentStore(dynamo, TABLE);
            EnrichmentWiring.Stores stores = new EnrichmentWiring.Stores(new DynamoDbQuotaCounters(dynamo, TABLE),
                    new DynamoDbTrackingCache(dynamo, TABLE, clock, settings.freshness()), store,
                    new DynamoDbEvidenceLog(dynamo, TABLE, clock), events -> { }, (request, delay) -> {
                        throw new IllegalStateException("priming queues nothing");
                    }, null);
            SecretSource loopbackSecrets = new SecretsManagerSource(secretsManager, clock);
            SecretSource secrets = name -> {
                if (!name.startsWith(SECRETS)) {
                    throw new MissingSecretException(name); // e.g. a seller's own carrier account: not asked for
                }
                return loopbackSecrets.secret(name);
            };
            Sleeper noWaiting = wait -> {
                throw new IllegalStateException("priming never waits (asked to wait " + wait + ")");
            };
            EnrichmentWiring wiring = EnrichmentWiring.of(settings, stores, secrets, http, clock, noWaiting);
            wiring.service().enrich(new EnrichmentRequest(SnapStartPriming.RESERVED_SELLER, TICKET_ID, ORDER_ID,
                    MARKETPLACE, EnrichmentRequest.Reason.TICKET_CREATED));
            return store.read(SnapStartPriming.RESERVED_SELLER, TICKET_ID).orElseThrow(() -> new IllegalStateException(
                    "the priming enrichment wrote nothing"));
        }
    }

    private static EnrichmentWiring.Settings settings(URI base, Clock clock, Locale linkLocale) {
        Map<TrackingUpstream, CarrierSettings.Endpoint> carriers = new EnumMap<>(TrackingUpstream.class);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            carriers.put(u, new CarrierSettings.Endpoint(base.resolve("/" + CarrierSettings.key(u)),
                    SECRETS + "carriers/" + CarrierSettings.key(u)));
        }
        return new EnrichmentWiring.Settings(TABLE, null, null, null, 1,
                SpApiEndpoints.local(base.resolve("/sp-api").toString(), base.resolve("/lwa").toString()),
                SellerAccounts.bySecretPrefix(SECRETS, MARKETPLACE),
                new CarrierSettings(carriers, "deskbridge", java.time.Duration.ZERO, linkLocale),
                CarrierBudgets.documented(), TrackingFreshness.defaults(), linkLocale, null, null);
    }

    private static byte[] resource(String file) {
        try (InputStream in = EnrichmentPriming.class.getResourceAsStream("/snapstart/priming/" + file)) {
            if (in == null) {
                throw new IllegalStateException("SnapStart priming answer /snapstart/priming/" + file + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
