package com.deskbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.deskbridge.domain.port.TicketSearch;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.enrichment.ChannelOrderSources;
import com.deskbridge.enrichment.EnrichmentRequest;
import com.deskbridge.http.SecretSource;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.dynamodb.TableProvisioner;
import com.deskbridge.localaws.template.SamTemplate;
import com.deskbridge.localaws.template.TableSpec;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.shopify.ShopifyShop;
import com.deskbridge.shopify.ShopifyWebhooks;
import com.deskbridge.sim.shopify.ShopifySimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shopify's order webhooks on real parts: deliveries signed by the Shopify simulator (demo store), the delivery ids in
 * DynamoDB Local. A good signature refreshes the tickets linked to the order (by name, number or global id) and reads
 * their actions (the confirmation path); the same delivery again does nothing; a forged or foreign one is refused
 * before anything is stored.
 */
class ShopifyWebhookIntakeTest {

    private static final String SELLER = "webhook-seller";
    private static final String SHOP = "deskbridge-demo.myshopify.com";
    private static AmazonDynamoDBLocal dynamoDb;
    private static String table;

    private final List<ShopifySimulator.WebhookDelivery> delivered = new CopyOnWriteArrayList<>();
    private final List<EnrichmentRequest> refreshed = new ArrayList<>();
    private final List<String> actionsRead = new ArrayList<>();
    private volatile boolean queueDown;

    @BeforeAll
    static void start() {
        TableSpec spec = SamTemplate.load(ProjectRoot.find().resolve("template.yaml"))
                .model(Map.of(), "eu-west-1", "test").tables().get("TicketsTable");
        dynamoDb = DynamoDBEmbedded.create(true);
        new TableProvisioner(dynamoDb.dynamoDbClient()).ensure(spec);
        table = spec.tableName();
    }

    @AfterAll
    static void stop() {
        dynamoDb.shutdownNow();
    }

    private static TicketSummary ticket(String thread, String orderId) {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        return new TicketSummary(TicketId.forConversation(new SellerId(SELLER), Channel.SHOPIFY, thread), new SellerId(SELLER),
                Channel.SHOPIFY, null, orderId, "max.muster@example.org", "Versand", TicketStatus.OPEN, at, at, at, 1, null,
                Set.of(), null, null, null);
    }

    private ShopifyWebhookIntake intake(ShopifySimulator sim, List<TicketSummary> tickets) {
        SecretSource secrets = SecretSource.of(Map.of("deskbridge/shopify/" + SELLER, sim.credentials(SHOP)));
        ShopifyWebhooks verifier = new ShopifyWebhooks(secrets, id -> new ShopifyShop(id, SHOP, "deskbridge/shopify/" + id, List.of()));
        TicketSearch search = InMemoryCollaboration.search(tickets);
        // the store's order by global id (a refund's webhook names no order name)
        ChannelOrderSources orders = (seller, channel) -> Optional.of(new ChannelOrderSources.Orders("Shopify",
                (s, id) -> id.equals("gid://shopify/Order/5002") ? Optional.of(new OrderSummary("#1002", SHOP, OrderStatus.SHIPPED,
                        FulfilmentChannel.FBM, null, null, null, List.of(), List.of())) : Optional.empty()));
        TicketContext context = new TicketContext() {
            @Override
            public Optional<com.deskbridge.enrichment.TicketEnrichment> enrichment(String sellerId, String ticketId) {
                return Optional.empty();
            }

            @Override
            public List<com.deskbridge.actions.OrderAction> actions(String sellerId, String ticketId) {
                actionsRead.add(ticketId);
                return List.of();
            }

            @Override
            public Optional<com.deskbridge.actions.OrderAction> action(String sellerId, String ticketId, String actionId) {
                return Optional.empty();
            }

            @Override
            public com.deskbridge.logistics.EvidenceLog.StoredChain evidence(String sellerId, String ticketId) {
                throw new UnsupportedOperationException();
            }
        };
        return new ShopifyWebhookIntake(verifier, new DynamoDbWebhookDeliveries(dynamoDb.dynamoDbClient(), table), orders, search,
                (request, delay) -> {
                    if (queueDown) {
                        throw new IllegalStateException("enrichment queue unavailable (test)");
                    }
                    refreshed.add(request);
                }, context, Clock.systemUTC());
    }

    private ShopifySimulator simulator() {
        return ShopifySimulator.start(0, ShopifySimulator.demoWorld(), Clock.systemUTC(), delivered::add);
    }

    private static byte[] body(ShopifySimulator.WebhookDelivery d) {
        return d.body().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSignedOrdersUpdatedRefreshesTheLinkedTicketsOnceAndIsADuplicateAfter() {
        try (ShopifySimulator sim = simulator()) {
            TicketSummary byName = ticket("thread-a", "#1002");
            TicketSummary byNumber = ticket("thread-b", "1002");
            TicketSummary other = ticket("thread-c", "#1001");
            ShopifyWebhookIntake intake = intake(sim, List.of(byName, byNumber, other));
            sim.fulfil(SHOP, "#1002", "DHL", "00340434161094042999", null);
            ShopifySimulator.WebhookDelivery d = delivered.stream().filter(w -> w.topic().equals("orders/updated")).findFirst().orElseThrow();

            ShopifyWebhookIntake.Outcome first = intake.receive(SELLER, d.headers(), body(d));

            assertThat(first.duplicate()).isFalse();
            assertThat(first.ticketsRefreshed()).isEqualTo(2);
            assertThat(refreshed).extracting(EnrichmentRequest::ticketId)
                    .containsExactlyInAnyOrder(byName.id().value(), byNumber.id().value());
            assertThat(refreshed).allSatisfy(r -> assertThat(r.reason()).isEqualTo(EnrichmentRequest.Reason.ORDER_KNOWN));
            assertThat(actionsRead).containsExactlyInAnyOrder(byName.id().value(), byNumber.id().value());

            ShopifyWebhookIntake.Outcome again = intake.receive(SELLER, d.headers(), body(d));
            assertThat(again.duplicate()).isTrue();
            assertThat(refreshed).as("nothing done again").hasSize(2);
        }
    }

    @Test
    void aRefundsWebhookFindsTheTicketsByTheOrdersNameReadFromTheStore() {
        try (ShopifySimulator sim = simulator()) {
            TicketSummary t = ticket("thread-r", "#1002");
            ShopifyWebhookIntake intake = intake(sim, List.of(t));
            String body = "{\"id\":880001,\"order_id\":5002,\"created_at\":\"2026-11-20T10:00:00Z\"}";
            Map<String, String> headers = Map.of("X-Shopify-Topic", "refunds/create", "X-Shopify-Shop-Domain", SHOP,
                    "X-Shopify-Webhook-Id", "refund-delivery-1",
                    "X-Shopify-Hmac-Sha256", hmac(sim.credentials(SHOP).get("client_secret"), body));

            assertThat(intake.receive(SELLER, headers, body.getBytes(StandardCharsets.UTF_8)).ticketsRefreshed()).isEqualTo(1);
            assertThat(refreshed).singleElement().satisfies(r -> assertThat(r.orderId()).isEqualTo("#1002"));
        }
    }

    @Test
    void aForgedOrForeignWebhookIsRefusedAndNothingIsStored() {
        try (ShopifySimulator sim = simulator()) {
            ShopifyWebhookIntake intake = intake(sim, List.of(ticket("thread-f", "#1002")));
            sim.fulfil(SHOP, "#1002", "DHL", "00340434161094042998", null);
            ShopifySimulator.WebhookDelivery d = delivered.get(0);
            byte[] tampered = d.body().replace("#1002", "#1001").getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> intake.receive(SELLER, d.headers(), tampered)).isInstanceOf(ShopifyWebhookIntake.Refused.class);
            Map<String, String> noSignature = new java.util.HashMap<>(d.headers());
            noSignature.remove("X-Shopify-Hmac-Sha256");
            assertThatThrownBy(() -> intake.receive(SELLER, noSignature, body(d))).isInstanceOf(ShopifyWebhookIntake.Refused.class);
            assertThatThrownBy(() -> intake.receive("no-store-seller", d.headers(), body(d)))
                    .isInstanceOf(ShopifyWebhookIntake.Refused.class);
            assertThat(refreshed).isEmpty();

            // the genuine delivery was not marked as seen by the refused attempts
            assertThat(intake.receive(SELLER, d.headers(), body(d)).duplicate()).isFalse();
        }
    }

    @Test
    void aDeliveryWhoseHandlingFailedIsHandledWhenShopifyRetriesIt() {
        try (ShopifySimulator sim = simulator()) {
            ShopifyWebhookIntake intake = intake(sim, List.of(ticket("thread-x", "#1002")));
            sim.fulfil(SHOP, "#1002", "DHL", "00340434161094042997", null);
            ShopifySimulator.WebhookDelivery d = delivered.get(0);
            queueDown = true;
            assertThatThrownBy(() -> intake.receive(SELLER, d.headers(), body(d))).isInstanceOf(IllegalStateException.class);

            queueDown = false;
            ShopifyWebhookIntake.Outcome retried = intake.receive(SELLER, d.headers(), body(d));
            assertThat(retried.duplicate()).as("the failed delivery was not remembered as handled").isFalse();
            assertThat(retried.ticketsRefreshed()).isEqualTo(1);
        }
    }

    private static String hmac(String secret, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
