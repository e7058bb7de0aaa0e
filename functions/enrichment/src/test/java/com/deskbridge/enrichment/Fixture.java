package com.deskbridge.enrichment;

import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.Sleeper;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.sim.carriers.CarrierSimulator;
import com.deskbridge.sim.spapi.SpApiSimulator;
import com.deskbridge.spapi.QuotaProvider;
import com.deskbridge.spapi.SpApiEndpoints;
import com.deskbridge.testing.MutableClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One test's world: a JSON fixture both simulators read (orders, MCF orders, carrier shipments), the real SP-API and
 * carrier simulators over HTTP on a {@link MutableClock}, and enrichment wired against the shared local AWS stack.
 */
final class Fixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final MutableClock clock = new MutableClock(TestStack.freshDay());
    final ObjectNode world = JSON.createObjectNode();
    final String seller = "A1SELLER" + TestStack.unique();
    private final ArrayNode credentials;
    final String table;
    SpApiSimulator spApi;
    CarrierSimulator carriers;

    Fixture() {
        this(TestStack.table());
    }

    Fixture(String table) {
        this.table = table;
        ObjectNode spapi = world.putObject("spapi");
        credentials = spapi.putArray("credentials");
        addSeller(seller);
        world.putArray("orders");
        world.putArray("fulfillmentOrders");
        world.putArray("shipments");
        world.putObject("carriers");
    }

    void addSeller(String sellerId) {
        credentials.addObject().put("sellerId", sellerId).put("clientId", "client-" + sellerId)
                .put("clientSecret", "secret-" + sellerId).put("refreshToken", "Atzr|refresh-" + sellerId);
    }

    /** An FBM order of {@code seller} with packages {@code carrier:number}. */
    ObjectNode fbmOrder(String orderId, String latestDeliveryDate, String... packages) {
        ObjectNode o = order(orderId, "MERCHANT", "SHIPPED", latestDeliveryDate);
        ArrayNode p = o.putArray("packages");
        int i = 1;
        for (String spec : packages) {
            String[] cn = spec.split(":");
            p.addObject().put("packageReferenceId", Integer.toString(i++)).put("carrier", cn[0])
                    .put("trackingNumber", cn[1]).put("shipTime", "-P2D").put("status", "IN_TRANSIT");
        }
        return o;
    }

    /**
     * An Amazon-channel FBA order of {@code seller} whose shipments {@code carrier:number} (as Amazon writes the
     * carrier: {@code DHL}, {@code AMZN_DE}) appear only in the FBA shipments report, shipped two days ago.
     */
    ObjectNode fbaOrder(String orderId, String latestDeliveryDate, String... shipments) {
        ObjectNode o = order(orderId, "AMAZON", "SHIPPED", latestDeliveryDate);
        ArrayNode s = o.putArray("fbaShipments");
        for (String spec : shipments) {
            String[] cn = spec.split(":");
            s.addObject().put("carrier", cn[0]).put("trackingNumber", cn[1]).put("shipmentDate", "-P2D")
                    .put("estimatedArrivalDate", "+P1D").put("fulfillmentCenterId", "LEJ1");
        }
        return o;
    }

    ObjectNode order(String orderId, String fulfilledBy, String status, String latestDeliveryDate) {
        ObjectNode o = ((ArrayNode) world.get("orders")).addObject();
        o.put("orderId", orderId).put("sellerId", seller).put("marketplaceId", "A1PA6795UKMFR9").put("currency", "EUR")
                .put("status", status).put("fulfilledBy", fulfilledBy).put("purchaseDate", "-P4D")
                .put("latestShipDate", "-P3D").put("earliestDeliveryDate", "-P2D");
        if (latestDeliveryDate != null) {
            o.put("latestDeliveryDate", latestDeliveryDate);
        }
        o.putObject("buyer").put("name", "Jana Schmidt").put("email", "x7k2m9q4p1@marketplace.amazon.de");
        o.putObject("shipTo").put("name", "Jana Schmidt").put("addressLine1", "Hauptstrasse 5").put("city", "Koeln")
                .put("postalCode", "50667").put("countryCode", "DE");
        o.putArray("items").addObject().put("orderItemId", "402111" + TestStack.unique()).put("sku", "DB-MUG-BLUE")
                .put("asin", "B0DEMO0001").put("title", "Ceramic mug, blue").put("quantity", 2).put("unitPrice", "12.50");
        return o;
    }

    /** A carrier shipment whose events are {@code at|code|text|city} (UPS: {@code at|code|text|city|type}). */
    void shipment(String carrier, String number, String estimatedDelivery, String... events) {
        ObjectNode s = ((ArrayNode) world.get("shipments")).addObject();
        s.put("carrier", carrier).put("trackingNumber", number);
        if (estimatedDelivery != null) {
            s.put("estimatedDelivery", estimatedDelivery);
        }
        ArrayNode ev = s.putArray("events");
        for (String e : events) {
            String[] f = e.split("\\|");
            ObjectNode n = ev.addObject().put("at", f[0]).put("code", f[1]).put("text", f[2]).put("city", f[3]).put("country", "DE");
            if (f.length > 4) {
                n.put("type", f[4]);
            }
        }
    }

    void carrierQuota(String carrier, int limit, String period) {
        ((ObjectNode) world.get("carriers")).putObject(carrier).putObject("quota").put("limit", limit).put("period", period);
    }

    String dhlNumber() {
        return "0034043416" + TestStack.unique() + "1";
    }

    String orderId() {
        String u = TestStack.unique();
        return "028-" + u.substring(0, 6) + "1-" + u.substring(0, 6) + "1";
    }

    Fixture start() {
        spApi = SpApiSimulator.start(0, world, clock, body -> { });
        carriers = CarrierSimulator.start(0, world, clock);
        return this;
    }

    SecretSource secrets() {
        return name -> {
            if (name.startsWith("spapi/")) {
                String s = name.substring("spapi/".length());
                return Map.of("client_id", "client-" + s, "client_secret", "secret-" + s, "refresh_token", "Atzr|refresh-" + s);
            }
            if (name.startsWith(com.deskbridge.carriers.SellerCarriers.DEFAULT_PREFIX)) {
                throw new com.deskbridge.http.MissingSecretException(name); // no seller here has its own carrier account
            }
            return carriers.credentials(name.substring("carriers/".length()));
        };
    }

    EnrichmentWiring wiring() {
        return wiring(CarrierBudgets.documented(), null);
    }

    /** Wiring with carrier budgets whose long windows only (per-second rates would stall a clock that stands still). */
    EnrichmentWiring wiring(CarrierBudgets budgets, QuotaProvider spApiQuotas) {
        return wiring(budgets, spApiQuotas, null);
    }

    /** {@code channelOrders}: the eBay / Shopify orders of tickets from those channels (null: none). */
    EnrichmentWiring wiring(CarrierBudgets budgets, QuotaProvider spApiQuotas, ChannelOrderSources channelOrders) {
        return wiring(budgets, spApiQuotas, channelOrders, secrets());
    }

    /** ... reading its secrets from {@code secrets} (the benchmark's, which answer with Secrets Manager's latency). */
    EnrichmentWiring wiring(CarrierBudgets budgets, QuotaProvider spApiQuotas, ChannelOrderSources channelOrders,
                            SecretSource secrets) {
        CarrierSettings carrierSettings = CarrierSettings.production().withBaseUrls(u -> carriers.baseUrl(CarrierSettings.key(u)))
                .withMaxQuotaWait(Duration.ZERO);
        Map<com.deskbridge.logistics.TrackingUpstream, CarrierSettings.Endpoint> endpoints = new HashMap<>();
        carrierSettings.endpoints().forEach((u, e) -> endpoints.put(u, new CarrierSettings.Endpoint(e.baseUrl(),
                "carriers/" + CarrierSettings.key(u))));
        carrierSettings = new CarrierSettings(endpoints, "deskbridge", Duration.ZERO, Locale.GERMANY);
        EnrichmentWiring.Settings s = new EnrichmentWiring.Settings(table,
                TestStack.get().queueUrl("EnrichmentTestQueue"), TestStack.get().queueUrl("EnrichmentTestDeadLetterQueue"),
                TestStack.bus(), TestStack.MAX_RECEIVES, SpApiEndpoints.local(spApi.baseUrl(), spApi.lwaUrl()),
                SellerAccounts.bySecretPrefix("spapi/", "A1PA6795UKMFR9"), carrierSettings, budgets,
                TrackingFreshness.defaults(), Locale.GERMANY, spApiQuotas, channelOrders);
        return EnrichmentWiring.of(s, TestStack.get().dynamoDbClient(), TestStack.get().sqsClient(), TestStack.events(),
                secrets, HttpClient.newHttpClient(), clock, clock::advance);
    }

    /** Budgets with only the daily/hourly windows, so tests on a clock that stands still are not throttled per second. */
    static CarrierBudgets longWindowsOnly(int dhlPerDay) {
        CarrierBudgets b = CarrierBudgets.documented();
        for (com.deskbridge.logistics.TrackingUpstream u : com.deskbridge.logistics.TrackingUpstream.values()) {
            CarrierBudgets.Budget old = b.of(u);
            List<CarrierBudgets.RateLimit> longOnes = old.limits().stream().filter(l -> !l.rate()).toList();
            if (u == com.deskbridge.logistics.TrackingUpstream.DHL) {
                longOnes = List.of(new CarrierBudgets.RateLimit(dhlPerDay, Duration.ofDays(1)));
            }
            if (longOnes.isEmpty()) {
                longOnes = List.of(new CarrierBudgets.RateLimit(100_000, Duration.ofDays(1)));
            }
            b = b.with(new CarrierBudgets.Budget(u, longOnes, old.perShipmentPerDay(), old.confirmed(), old.note()));
        }
        return b;
    }

    /** Creates the ticket item intake would have written (only the attributes enrichment reads). */
    String ticket(String orderId, String priority) {
        return ticket(orderId, priority, null);
    }

    /** @param channel the ticket's channel wire name ({@code ebay}, {@code shopify}, {@code email}); null: none stored */
    String ticket(String orderId, String priority, String channel) {
        String ticketId = ticketId();
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbTicketEnrichmentStore.key(seller, ticketId));
        item.put("itemType", AttributeValue.fromS("ticket"));
        item.put("sellerId", AttributeValue.fromS(seller));
        item.put("ticketId", AttributeValue.fromS(ticketId));
        item.put("status", AttributeValue.fromS("open"));
        if (orderId != null) {
            item.put("orderId", AttributeValue.fromS(orderId));
            item.put("marketplaceId", AttributeValue.fromS("A1PA6795UKMFR9"));
        }
        if (priority != null) {
            item.put("priority", AttributeValue.fromS(priority));
        }
        if (channel != null) {
            item.put("channel", AttributeValue.fromS(channel));
        }
        TestStack.get().dynamoDbClient().putItem(p -> p.tableName(table).item(item));
        return ticketId;
    }

    /** A valid ticket id ('t' + 24 base32 characters), unique in this run. */
    static String ticketId() {
        StringBuilder b = new StringBuilder("t" + "q".repeat(18));
        TestStack.unique().chars().forEach(c -> b.append((char) ('a' + (c - '0'))));
        return b.toString();
    }

    EnrichmentRequest request(String ticketId, String orderId) {
        return new EnrichmentRequest(seller, ticketId, orderId, "A1PA6795UKMFR9", EnrichmentRequest.Reason.TICKET_CREATED);
    }

    /** An SP-API client of its own against the simulator (LWA tokens cached in it, in-memory quotas). */
    com.deskbridge.spapi.SpApiClient spApiClient() {
        return new com.deskbridge.spapi.SpApiClient(HttpClient.newHttpClient(), clock, sleeper(), secrets(),
                new com.deskbridge.spapi.InMemoryQuotaProvider(clock), SpApiEndpoints.local(spApi.baseUrl(), spApi.lwaUrl()));
    }

    /** The fixture's orders through {@link #spApiClient()}, {@code beforeLookup} run before each order look-up. */
    AmazonOrders spApiOrders(Runnable beforeLookup) {
        SpApiOrderSource source = new SpApiOrderSource(spApiClient(), SellerAccounts.bySecretPrefix("spapi/", "A1PA6795UKMFR9"));
        return new AmazonOrders() {
            @Override
            public java.util.Optional<Lookup> lookup(String sellerId, String orderId, String marketplaceId) {
                beforeLookup.run();
                return source.lookup(sellerId, orderId, marketplaceId);
            }

            @Override
            public java.util.Optional<com.deskbridge.spapi.McfPackageTracking> mcfTracking(String sellerId, String marketplaceId,
                                                                                           int packageNumber) {
                return source.mcfTracking(sellerId, marketplaceId, packageNumber);
            }

            @Override
            public List<com.deskbridge.spapi.FbaShipment> shipments(String sellerId, String marketplaceId, String orderId,
                                                                   java.time.Instant purchaseDate, java.time.Instant now) {
                return source.shipments(sellerId, marketplaceId, orderId, purchaseDate, now);
            }
        };
    }

    Sleeper sleeper() {
        return clock::advance;
    }

    @Override
    public void close() {
        if (spApi != null) {
            spApi.close();
        }
        if (carriers != null) {
            carriers.close();
        }
    }
}
