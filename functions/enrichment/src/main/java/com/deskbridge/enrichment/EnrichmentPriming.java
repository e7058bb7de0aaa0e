package com.deskbridge.enrichment;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.http.HttpPriming;
import com.deskbridge.http.MissingSecretException;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.logistics.TrackingUpstream;
import com.deskbridge.quota.InMemoryQuotaCounters;
import com.deskbridge.spapi.InMemoryQuotaProvider;
import com.deskbridge.spapi.SpApiEndpoints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SnapStart priming of a whole enrichment (EnrichmentHandler's hook runs it before the snapshot): an FBM order with one
 * parcel at each of DHL, UPS, FedEx, USPS and DPD is enriched through the function's own object graph
 * ({@link EnrichmentWiring}) - SP-API's Login with Amazon token and getOrder (Orders API v2026-01-01, orders_2026-01-01.json),
 * each carrier's token and tracking call in parallel, their parsing and status mapping, the proactive flags (the
 * promised delivery has passed), the evidence records, the ticket's write rules and outbox - and the enrichment then
 * goes through the tickets table's item codec in memory ({@link DynamoDbTicketEnrichmentStore#roundTrip}).
 *
 * <p>Nothing leaves the container and nothing a seller can see changes: every upstream is a loopback server
 * ({@link HttpPriming#withLoopback}) answering with recorded bodies of the upstreams' documented formats
 * ({@code /snapstart/priming/}, invented values: the reserved seller {@value SnapStartPriming#RESERVED_SELLER}, order
 * {@value #ORDER_ID}); the credentials are placeholders (no secret is read); quotas, tracking cache, ticket, evidence
 * and outbox are in memory; the clock is fixed. What it does not prime: TLS, and the DynamoDB / SQS / EventBridge
 * calls (SnapStartPriming readies those clients on its own).
 */
final class EnrichmentPriming {
    static final String ORDER_ID = "302-0000000-0000000";
    static final String TICKET_ID = "tsnapstartprimingaaaaaaaa";
    static final String MARKETPLACE = "A1PA6795UKMFR9";
    /** The day after the order's promised delivery (2026-11-25): its parcels are late, so flags are raised. */
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String SECRETS = "snapstart-priming/";
    private static final Map<String, String> PLACEHOLDERS = Map.of("client_id", "snapstart-priming",
            "client_secret", "snapstart-priming", "refresh_token", "Atzr|snapstart-priming", "apiKey", "snapstart-priming",
            "clientId", "snapstart-priming", "clientSecret", "snapstart-priming", "delisId", "snapstart-priming",
            "password", "snapstart-priming");
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
    }

    private final Map<String, HttpPriming.Answer> answers = new LinkedHashMap<>();

    EnrichmentPriming() {
        ROUTES.forEach((request, file) -> answers.put(request, new HttpPriming.Answer(200,
                file.endsWith(".xml") ? "text/xml; charset=UTF-8" : "application/json", resource(file))));
    }

    /**
     * One enrichment of the priming ticket through {@code http} (a client built as the function's): a new object graph
     * over new in-memory stores each time, so every round fetches and parses again.
     *
     * @return the ticket's enrichment as read back through the item codec
     */
    TicketEnrichment run(HttpClient http, Locale linkLocale) throws IOException, InterruptedException {
        return HttpPriming.withLoopback(this::answer, base -> enrich(base, http, linkLocale));
    }

    private HttpPriming.Answer answer(String request) {
        for (Map.Entry<String, HttpPriming.Answer> route : answers.entrySet()) {
            if (request.startsWith(route.getKey())) {
                return route.getValue();
            }
        }
        return null; // refused 403
    }

    private static TicketEnrichment enrich(URI base, HttpClient http, Locale linkLocale) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Map<TrackingUpstream, CarrierSettings.Endpoint> carriers = new EnumMap<>(TrackingUpstream.class);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            carriers.put(u, new CarrierSettings.Endpoint(base.resolve("/" + CarrierSettings.key(u)),
                    SECRETS + "carriers/" + CarrierSettings.key(u)));
        }
        EnrichmentWiring.Settings settings = new EnrichmentWiring.Settings("snapstart-priming", null, null, null, 1,
                SpApiEndpoints.local(base.resolve("/sp-api").toString(), base.resolve("/lwa").toString()),
                SellerAccounts.bySecretPrefix(SECRETS, MARKETPLACE),
                new CarrierSettings(carriers, "deskbridge", java.time.Duration.ZERO, linkLocale),
                CarrierBudgets.documented(), TrackingFreshness.defaults(), linkLocale, new InMemoryQuotaProvider(clock), null);
        InMemoryTicketEnrichmentStore store = new InMemoryTicketEnrichmentStore();
        store.addTicket(SnapStartPriming.RESERVED_SELLER, TICKET_ID, "amazon", ORDER_ID, MARKETPLACE, null);
        EnrichmentWiring.Stores stores = new EnrichmentWiring.Stores(new InMemoryQuotaCounters(),
                new InMemoryTrackingCache(clock, settings.freshness()), store, new InMemoryEvidenceLog(clock),
                events -> { }, (request, delay) -> {
                    throw new IllegalStateException("priming queues nothing");
                }, null);
        SecretSource placeholders = name -> {
            if (!name.startsWith(SECRETS)) {
                throw new MissingSecretException(name); // e.g. a seller's own carrier account: priming reads no secret
            }
            return PLACEHOLDERS;
        };
        Sleeper noWaiting = wait -> {
            throw new IllegalStateException("priming never waits (asked to wait " + wait + ")");
        };
        EnrichmentWiring wiring = EnrichmentWiring.of(settings, stores, placeholders, http, clock, noWaiting);
        wiring.service().enrich(new EnrichmentRequest(SnapStartPriming.RESERVED_SELLER, TICKET_ID, ORDER_ID, MARKETPLACE,
                EnrichmentRequest.Reason.TICKET_CREATED));
        Optional<TicketEnrichment> written = store.read(SnapStartPriming.RESERVED_SELLER, TICKET_ID);
        return DynamoDbTicketEnrichmentStore.roundTrip(written.orElseThrow(() -> new IllegalStateException(
                "the priming enrichment wrote nothing")));
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
