package com.deskbridge.actions;

import com.deskbridge.testing.MutableClock;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.http.Backoff;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.dynamodb.DynamoDbLocalServer;
import com.deskbridge.localaws.dynamodb.TableProvisioner;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.TableSpec;
import com.deskbridge.localaws.template.TemplateModel;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.sim.spapi.SpApiSimulator;
import com.deskbridge.spapi.InMemoryQuotaProvider;
import com.deskbridge.spapi.Region;
import com.deskbridge.spapi.SpApiClient;
import com.deskbridge.spapi.SpApiEndpoints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One test's world: DynamoDB Local with the template's table (shared per JVM), a fresh SP-API simulator over real HTTP
 * with generated credentials for a fresh seller, a test clock, and the actions components wired to both exactly as
 * {@link ActionsWiring#fromEnvironment} wires them (two SP-API clients: createFeed without transport retries). The
 * action store is DynamoDB Local's, or, for the tests of the services ({@link #inMemory}), the in-memory one
 * ({@link ActionStoreContract} holds both to the same rules).
 */
final class Harness implements AutoCloseable {

    static final String MARKETPLACE = "A1PA6795UKMFR9";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static Tables tables;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    final String sellerId = "A" + UUID.randomUUID().toString().replace("-", "").substring(0, 13).toUpperCase();
    final List<String> notifications = new CopyOnWriteArrayList<>();
    /** Every notification ever produced (delivered or not), to find every feed Amazon finished. */
    final List<String> allNotifications = new CopyOnWriteArrayList<>();
    final SpApiSimulator simulator;
    final DynamoDbClient dynamo;
    final String table;
    final SpApiClient spApi;
    final ActionsWiring wiring;
    final EvidenceLog evidence;
    final ActionStore store;
    final FeedAttempts attempts;
    final List<String> triggers = new CopyOnWriteArrayList<>();
    private final Map<String, String> secret;

    /**
     * DynamoDB Local with the tables of template.yaml, built from the local stack's own parts (its server and table
     * provisioner) without the SQS and EventBridge emulators, which these tests do not use and which cost seconds to start.
     */
    record Tables(DynamoDbClient dynamoDbClient, Map<String, String> names) {
        String tableName(String logicalId) {
            return names.get(logicalId);
        }
    }

    static synchronized Tables stack() {
        if (tables == null) {
            TemplateModel model = SamTemplate.load(ProjectRoot.find().resolve("template.yaml")).model(Map.of(), "eu-west-1", "actions-test");
            DynamoDbLocalServer server = new DynamoDbLocalServer(0, null);
            DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            TableProvisioner provisioner = new TableProvisioner(client);
            Map<String, String> names = new HashMap<>();
            for (TableSpec t : model.tables().values()) {
                provisioner.ensure(t);
                names.put(t.logicalId(), t.tableName());
            }
            tables = new Tables(client, names);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return tables;
    }

    Harness() {
        this(w -> { }, FaultPoint.NONE);
    }

    Harness(Consumer<ObjectNode> customise, FaultPoint faults) {
        this(customise, faults, Duration.ofMinutes(10));
    }

    /** A world whose actions are kept by {@link InMemoryActionStore} (everything else as {@link #Harness()}). */
    static Harness inMemory() {
        return inMemory(w -> { }, FaultPoint.NONE);
    }

    static Harness inMemory(Consumer<ObjectNode> customise, FaultPoint faults) {
        return new Harness(customise, faults, Duration.ofMinutes(10), true);
    }

    Harness(Consumer<ObjectNode> customise, FaultPoint faults, Duration maxQuotaWait) {
        this(customise, faults, maxQuotaWait, false);
    }

    private Harness(Consumer<ObjectNode> customise, FaultPoint faults, Duration maxQuotaWait, boolean inMemoryActions) {
        String clientId = "amzn1.application-oa2-client." + UUID.randomUUID().toString().replace("-", "");
        String clientSecret = "amzn1.oa2-cs.v1." + UUID.randomUUID().toString().replace("-", "");
        String refreshToken = "Atzr|IwEB" + UUID.randomUUID().toString().replace("-", "");
        secret = Map.of("client_id", clientId, "client_secret", clientSecret, "refresh_token", refreshToken);
        ObjectNode world = world(clientId, clientSecret, refreshToken);
        customise.accept(world);
        simulator = SpApiSimulator.start(0, world, clock, body -> {
            notifications.add(body);
            allNotifications.add(body);
        });
        dynamo = stack().dynamoDbClient();
        table = stack().tableName("TicketsTable");
        quiesce();
        SpApiEndpoints endpoints = SpApiEndpoints.local(simulator.baseUrl(), simulator.lwaUrl());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        SharedQuotaProvider quotas = new SharedQuotaProvider(new com.deskbridge.quota.DynamoDbQuotaCounters(dynamo, table), clock, SharedQuotaProvider.DEFAULT_SHARED,
                new InMemoryQuotaProvider(clock));
        spApi = new SpApiClient(http, clock, clock::sleep, name -> secret, quotas, endpoints,
                Backoff.standard(new SplittableRandom(7)), maxQuotaWait);
        store = inMemoryActions ? new InMemoryActionStore() : new DynamoDbActionStore(dynamo, table);
        wiring = ActionsWiring.of(new ActionsWiring.Parts(dynamo, table, spApi,
                SellerAccounts.byPrefix("deskbridge/spapi/", Region.EU), triggers::add, (message, reason, at) -> { },
                new FeedSubmitter.Settings(FeedSubmitter.DEFAULT_MAX_MESSAGES_PER_FEED, FeedSubmitter.DEFAULT_LEASE, faults),
                FeedPoller.Timing.DEFAULT, clock), store, ChannelGateways.NONE, ChannelConfirmations.Settings.DEFAULT);
        evidence = new DynamoDbEvidenceLog(dynamo, table, clock);
        attempts = new DynamoDbFeedAttempts(dynamo, table);
    }

    /** A ticket of this seller (the ticket store's key layout: PK S#{seller}#T#{ticket}, SK TICKET). */
    String ticket() {
        return ticket(sellerId);
    }

    /** A ticket of this seller that came from {@code channel} ({@code ebay}, {@code shopify}). */
    String channelTicket(String channel) {
        String ticket = ticket();
        dynamo.updateItem(u -> u.tableName(table).key(Map.of("PK", AttributeValue.fromS("S#" + sellerId + "#T#" + ticket),
                "SK", AttributeValue.fromS("TICKET"))).updateExpression("SET channel = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(channel))));
        if (store instanceof InMemoryActionStore memory) {
            memory.ticket(sellerId, ticket, channel);
        }
        return ticket;
    }

    String ticket(String seller) {
        StringBuilder id = new StringBuilder("t");
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        for (int i = 0; i < 24; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("S#" + seller + "#T#" + id));
        item.put("SK", AttributeValue.fromS("TICKET"));
        item.put("itemType", AttributeValue.fromS("ticket"));
        dynamo.putItem(p -> p.tableName(table).item(item));
        if (store instanceof InMemoryActionStore memory) {
            memory.ticket(seller, id.toString(), "amazon");
        }
        return id.toString();
    }

    /**
     * Delivers every pending notification to the handler, as SQS would; the ones it reports as failed stay pending
     * (SQS redelivers them). @return how many failed
     */
    int deliverNotifications() {
        List<String> bodies = new ArrayList<>(notifications);
        notifications.removeAll(bodies);
        if (bodies.isEmpty()) {
            return 0;
        }
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String body : bodies) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(UUID.randomUUID().toString());
            m.setBody(body);
            records.add(m);
        }
        event.setRecords(records);
        var response = new FeedNotificationHandler(wiring).handleRequest(event, null);
        for (var failure : response.getBatchItemFailures()) {
            for (SQSEvent.SQSMessage m : records) {
                if (m.getMessageId().equals(failure.getItemIdentifier())) {
                    notifications.add(m.getBody());
                }
            }
        }
        return response.getBatchItemFailures().size();
    }

    /**
     * How many messages Amazon (the simulator) processed per order, over every feed that finished: read from the
     * processing reports, in which every message has a Warning result naming its order (see {@link #warnOnEveryOrder}).
     */
    Map<String, Integer> processedMessagesByOrder() {
        Map<String, Integer> counts = new HashMap<>();
        for (String body : allNotifications) {
            var n = (com.deskbridge.spapi.SpApiNotification.FeedProcessingFinished) com.deskbridge.spapi.SpApiNotifications.parse(body);
            if (n.resultFeedDocumentId().isEmpty()) {
                continue;
            }
            var report = spApi.feeds().getProcessingReport(new com.deskbridge.spapi.SellerAccount(sellerId, "x", Region.EU),
                    n.resultFeedDocumentId().get());
            for (var r : report.results()) {
                String order = r.additionalInfo().get("AmazonOrderID");
                if (order != null) {
                    counts.merge(order, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Makes the simulator's report name every processed message's order (a Warning, which still counts as success). */
    static Consumer<ObjectNode> warnOnEveryOrder() {
        return w -> {
            ArrayNode errors = (ArrayNode) w.path("spapi").path("feedResults").path("messageErrors");
            for (int i = 1; i <= 120; i++) {
                errors.addObject().put("amazonOrderId", orderId(i)).put("resultCode", "Warning").put("resultMessageCode", 1)
                        .put("resultDescription", "processed");
            }
        };
    }

    /** Lets the simulator finish feeds whose processing delay has passed. */
    void passTime(Duration d) {
        clock.advance(d);
        simulator.processDueFeeds();
    }

    OrderAction action(String ticketId, String actionId) {
        return store.get(sellerId, ticketId, actionId).orElseThrow();
    }

    /** Takes every leftover queued action or open attempt off the work indexes, so tests do not see each other's. */
    void quiesce() {
        quiesce(dynamo, table);
    }

    /** {@link #quiesce()} for tests without a harness of their own. */
    static void quiesce(DynamoDbClient dynamo, String table) {
        for (String prefix : List.of("ACTQ#", "FEEDS#")) {
            for (int shard = 0; shard < Keys.SHARDS; shard++) {
                String pk = prefix + shard;
                QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(Keys.GSI3)
                        .keyConditionExpression("GSI3PK = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(pk))));
                for (Map<String, AttributeValue> i : page.items()) {
                    dynamo.updateItem(u -> u.tableName(table).key(Map.of("PK", i.get("PK"), "SK", i.get("SK")))
                            .updateExpression("REMOVE GSI3PK, GSI3SK"));
                }
            }
        }
    }

    /** Orders: FBM shipped 10 (two items), FBM unshipped, FBA shipped, MCF Received, plus {@code extra} FBM shipped orders. */
    private ObjectNode world(String clientId, String clientSecret, String refreshToken) {
        ObjectNode w = JSON.createObjectNode();
        ObjectNode spapi = w.putObject("spapi");
        spapi.put("applicationId", "amzn1.sellerapps.app.deskbridge-actions-test");
        spapi.putArray("credentials").addObject().put("sellerId", sellerId).put("clientId", clientId)
                .put("clientSecret", clientSecret).put("refreshToken", refreshToken);
        spapi.put("latencyMs", 0).put("feedProcessingDelay", "PT2M").put("compressResultDocuments", true);
        spapi.putObject("feedResults").putArray("messageErrors");
        ArrayNode orders = w.putArray("orders");
        for (int i = 1; i <= 120; i++) {
            order(orders, orderId(i), "SHIPPED", "MERCHANT", i);
        }
        order(orders, "028-5000001-0000001", "UNSHIPPED", "MERCHANT", 901);
        order(orders, "028-5000002-0000002", "SHIPPED", "AMAZON", 902);
        order(orders, "028-5000003-0000003", "UNSHIPPED", "AMAZON", 903);
        ArrayNode mcf = w.putArray("fulfillmentOrders");
        ObjectNode m = mcf.addObject().put("sellerFulfillmentOrderId", "MCF-TEST-0001").put("displayableOrderId", "TEST-0001")
                .put("marketplaceId", "ATVPDKIKX0DER").put("displayableOrderDate", "-PT5H").put("receivedDate", "-PT5H")
                .put("statusUpdatedDate", "-PT4H").put("status", "Received").put("shippingSpeedCategory", "Standard")
                .put("sellerId", sellerId);
        m.putObject("destination").put("name", "Test Buyer").put("addressLine1", "1 Main St").put("city", "Austin")
                .put("stateOrRegion", "TX").put("postalCode", "78701").put("countryCode", "US");
        m.putArray("items").addObject().put("sellerSku", "SKU-MCF").put("sellerFulfillmentOrderItemId", "mcf-1").put("quantity", 1);
        m.putArray("shipments");
        return w;
    }

    static String orderId(int i) {
        return String.format("028-4%06d-%07d", i, i);
    }

    static String itemId(int order, int line) {
        return String.format("4%08d%05d", order, line);
    }

    private void order(ArrayNode orders, String orderId, String status, String fulfilledBy, int n) {
        ObjectNode o = orders.addObject().put("orderId", orderId).put("sellerId", sellerId).put("marketplaceId", MARKETPLACE)
                .put("currency", "EUR").put("status", status).put("fulfilledBy", fulfilledBy).put("purchaseDate", "-P3D")
                .put("earliestShipDate", "-P2D").put("latestShipDate", "-P1D");
        ArrayNode items = o.putArray("items");
        items.addObject().put("orderItemId", itemId(n, 1)).put("sku", "SKU-A").put("asin", "B0TEST0001").put("title", "Mug")
                .put("quantity", 2).put("unitPrice", "15.00").put("shippingPrice", "4.90").put("tax", "0.00");
        items.addObject().put("orderItemId", itemId(n, 2)).put("sku", "SKU-B").put("asin", "B0TEST0002").put("title", "Plate")
                .put("quantity", 1).put("unitPrice", "20.00");
    }

    @Override
    public void close() {
        quiesce();
        simulator.close();
    }
}
