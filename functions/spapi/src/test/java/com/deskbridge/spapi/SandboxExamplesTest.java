package com.deskbridge.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Parses every Orders, Fulfillment Outbound and Feeds response example Amazon publishes in its models
 * (x-amzn-api-sandbox static/dynamic and response examples, plus the derived sandbox vectors) and checks
 * the fields the helpdesk relies on. Skipped when /work/shared/reference is absent.
 */
class SandboxExamplesTest {

    private static final String ORDER_ID = "\\d{3}-\\d{7}-\\d{7}";

    @Test
    void everyOrdersV2026ExampleParses() {
        List<SandboxExamples.Example> examples = SandboxExamples.of(Reference.spApi(), "orders_2026-01-01");
        int orders = 0;
        Set<FulfillmentChannel> channels = new HashSet<>();
        for (SandboxExamples.Example e : examples) {
            if (e.status() != 200) {
                assertErrorShape(e);
                continue;
            }
            List<JsonNode> nodes = new ArrayList<>();
            if (e.operationId().equals("getOrder")) {
                nodes.add(e.body().get("order"));
            } else if (e.operationId().equals("searchOrders")) {
                e.body().path("orders").forEach(nodes::add);
            }
            assertThat(nodes).as(e.toString()).isNotEmpty();
            for (JsonNode node : nodes) {
                SpOrder o = OrderParsers.fromV2026(node);
                String what = e + " " + o.orderId();
                assertThat(o.orderId()).as(what).matches(ORDER_ID);
                assertThat(o.source()).isEqualTo(SpOrder.Source.ORDERS_V2026);
                assertThat(o.purchaseDate()).as(what).isEqualTo(java.time.Instant.parse(node.get("createdTime").asText()));
                assertThat(Region.forMarketplace(o.marketplaceId())).as(what).contains(regionOf(node.path("salesChannel").path("marketplaceName").asText()));
                JsonNode fulfillment = node.path("fulfillment");
                if (fulfillment.has("fulfillmentStatus")) {
                    assertThat(o.status()).as(what).isNotEqualTo(OrderStatus.UNKNOWN)
                            .isEqualTo(OrderStatus.parse(fulfillment.get("fulfillmentStatus").asText()));
                    assertThat(o.fulfillmentChannel()).as(what).isEqualTo(
                            fulfillment.path("fulfilledBy").asText().equals("MERCHANT") ? FulfillmentChannel.FBM : FulfillmentChannel.FBA);
                }
                channels.add(o.fulfillmentChannel());
                fulfillment.path("shipByWindow").path("latestDateTime").asText(null);
                if (fulfillment.path("shipByWindow").has("latestDateTime")) {
                    assertThat(o.latestShipDate()).as(what).isPresent();
                }
                if (fulfillment.path("deliverByWindow").has("latestDateTime")) {
                    assertThat(o.latestDeliveryDate()).as(what).isPresent();
                }
                assertThat(o.items()).as(what).hasSize(node.path("orderItems").size()).isNotEmpty();
                for (SpOrderItem i : o.items()) {
                    assertThat(i.orderItemId()).as(what).isNotBlank();
                    assertThat(i.asin().or(i::sku)).as(what).isPresent();
                    assertThat(i.title()).as(what).isPresent();
                    assertThat(i.quantityOrdered()).as(what).isPositive();
                    assertThat(i.unitPrice()).as(what).isPresent();
                    assertThat(i.itemPrice().orElseThrow().amount())
                            .isEqualByComparingTo(i.unitPrice().orElseThrow().amount().multiply(java.math.BigDecimal.valueOf(i.quantityOrdered())));
                    o.orderTotal().ifPresent(t -> assertThat(i.unitPrice().orElseThrow().currency()).as(what).isEqualTo(t.currency()));
                }
                if (node.path("proceeds").has("grandTotal")) {
                    assertThat(o.orderTotal()).as(what).isPresent();
                    assertThat(o.currency()).as(what).contains(node.path("proceeds").path("grandTotal").path("currencyCode").asText());
                }
                assertThat(o.packages()).as(what).hasSize(node.path("packages").size());
                for (SpPackage p : o.packages()) {
                    assertThat(p.carrier()).as(what).isPresent();
                    assertThat(p.trackingNumber()).as(what).isPresent();
                    assertThat(p.status()).as(what).isPresent();
                    assertThat(o.fulfillmentChannel()).as(what).isEqualTo(FulfillmentChannel.FBM);
                }
                if (node.has("buyer")) {
                    assertThat(o.buyer().orElseThrow().anonymisedEmail().orElseThrow()).as(what).contains("@marketplace.amazon.");
                }
                orders++;
            }
        }
        assertThat(orders).as("orders parsed from orders_2026-01-01 examples").isGreaterThanOrEqualTo(8);
        assertThat(channels).contains(FulfillmentChannel.FBA, FulfillmentChannel.FBM);
    }

    @Test
    void everyOrdersV0ExampleParses() {
        List<SandboxExamples.Example> examples = SandboxExamples.of(Reference.spApi(), "ordersV0");
        int orders = 0;
        int items = 0;
        int addresses = 0;
        int buyers = 0;
        for (SandboxExamples.Example e : examples) {
            if (e.status() >= 400) {
                assertErrorShape(e);
                continue;
            }
            List<JsonNode> nodes = new ArrayList<>();
            switch (e.operationId()) {
                case "getOrder" -> nodes.add(e.body().get("payload"));
                case "getOrders" -> e.body().path("payload").path("Orders").forEach(nodes::add);
                case "getOrderItems" -> {
                    List<SpOrderItem> parsed = OrderParsers.itemsFromV0(e.body().path("payload"));
                    assertThat(parsed).as(e.toString()).isNotEmpty().hasSize(e.body().path("payload").path("OrderItems").size());
                    for (SpOrderItem i : parsed) {
                        assertThat(i.orderItemId()).as(e.toString()).isNotBlank();
                        assertThat(i.asin()).as(e.toString()).isPresent();
                        assertThat(i.sku()).as(e.toString()).isPresent();
                        assertThat(i.quantityOrdered()).as(e.toString()).isPositive();
                        assertThat(i.itemPrice()).as(e.toString()).isPresent();
                        assertThat(i.unitPrice().orElseThrow().times(i.quantityOrdered()).amount())
                                .isCloseTo(i.itemPrice().orElseThrow().amount(), org.assertj.core.data.Offset.offset(new java.math.BigDecimal("0.001")));
                        items++;
                    }
                    assertThat(parsed.stream().anyMatch(SpOrderItem::buyerRequestedCancel)).as(e.toString()).isTrue();
                }
                case "getOrderAddress" -> {
                    JsonNode address = e.body().path("payload").path("ShippingAddress");
                    ShipTo shipTo = OrderParsers.shipToFromV0(address).orElseThrow();
                    assertThat(shipTo.postalCode()).as(e.toString()).contains(address.get("PostalCode").asText());
                    assertThat(shipTo.countryCode()).as(e.toString()).contains("US");
                    assertThat(shipTo.city()).as(e.toString()).isPresent();
                    addresses++;
                }
                case "getOrderBuyerInfo" -> {
                    BuyerContact buyer = OrderParsers.buyerFromV0(e.body().path("payload"));
                    assertThat(buyer.anonymisedEmail()).as(e.toString()).contains(e.body().path("payload").get("BuyerEmail").asText());
                    assertThat(buyer.name()).as(e.toString()).isPresent();
                    buyers++;
                }
                default -> {
                    // getOrderItemsBuyerInfo (gift/customisation data), regulated-item verification, shipment
                    // status updates and confirmations: not read by the helpdesk
                }
            }
            for (JsonNode node : nodes) {
                SpOrder o = OrderParsers.fromV0(node);
                String what = e + " " + o.orderId();
                assertThat(o.orderId()).as(what).matches(ORDER_ID);
                assertThat(o.source()).isEqualTo(SpOrder.Source.ORDERS_V0);
                assertThat(o.status()).as(what).isNotEqualTo(OrderStatus.UNKNOWN);
                assertThat(o.fulfillmentChannel()).as(what).isEqualTo(
                        node.get("FulfillmentChannel").asText().equals("MFN") ? FulfillmentChannel.FBM : FulfillmentChannel.FBA);
                assertThat(Region.forMarketplace(o.marketplaceId())).as(what).isPresent();
                assertThat(o.purchaseDate()).as(what).isNotNull();
                assertThat(o.latestShipDate().isPresent()).as(what).isEqualTo(node.has("LatestShipDate"));
                if (node.has("OrderTotal")) {
                    assertThat(o.orderTotal().orElseThrow().currency()).as(what).isEqualTo(node.path("OrderTotal").path("CurrencyCode").asText());
                }
                orders++;
            }
        }
        assertThat(orders).as("orders parsed from ordersV0 examples").isGreaterThanOrEqualTo(8);
        assertThat(items).isGreaterThanOrEqualTo(3);
        assertThat(addresses).isGreaterThanOrEqualTo(2);
        assertThat(buyers).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyFulfillmentOutboundExampleParses() {
        List<SandboxExamples.Example> examples = SandboxExamples.of(Reference.spApi(), "fulfillmentOutbound_2020-07-01");
        int orders = 0;
        int trackings = 0;
        for (SandboxExamples.Example e : examples) {
            JsonNode payload = e.body().path("payload");
            switch (e.operationId()) {
                case "getFulfillmentOrder" -> {
                    McfFulfillmentOrder o = McfParsers.fulfillmentOrder(payload);
                    assertThat(o.sellerFulfillmentOrderId()).as(e.toString()).isNotBlank();
                    assertThat(o.status()).as(e.toString()).isNotEqualTo(McfOrderStatus.UNKNOWN);
                    assertThat(o.items()).as(e.toString()).hasSize(payload.path("fulfillmentOrderItems").size()).isNotEmpty();
                    assertThat(o.items()).allSatisfy(i -> assertThat(i.quantity()).isPositive());
                    assertThat(o.shipments()).as(e.toString()).hasSize(payload.path("fulfillmentShipments").size());
                    assertThat(o.shipments()).allSatisfy(s -> assertThat(s.amazonShipmentId()).isNotBlank());
                    assertThat(o.receivedDate()).as(e.toString()).isPresent();
                    orders++;
                }
                case "listAllFulfillmentOrders" -> {
                    for (JsonNode fo : payload.path("fulfillmentOrders")) {
                        McfFulfillmentOrder o = McfParsers.fulfillmentOrder(Json.MAPPER.createObjectNode().set("fulfillmentOrder", fo));
                        assertThat(o.status()).as(e + " " + o.sellerFulfillmentOrderId()).isNotEqualTo(McfOrderStatus.UNKNOWN);
                        orders++;
                    }
                }
                case "getPackageTrackingDetails" -> {
                    McfPackageTracking t = McfParsers.packageTracking(payload);
                    assertThat(t.packageNumber()).as(e.toString()).isPositive();
                    assertThat(t.trackingNumber()).as(e.toString()).isPresent();
                    assertThat(t.carrierCode()).as(e.toString()).isPresent();
                    assertThat(t.currentStatus()).as(e.toString()).isPresent();
                    assertThat(t.customerTrackingLink().orElseThrow()).as(e.toString()).startsWith("https://www.swiship.com/");
                    assertThat(t.trackingEvents()).as(e.toString()).hasSize(payload.path("trackingEvents").size()).isNotEmpty();
                    assertThat(t.trackingEvents()).allSatisfy(ev -> {
                        assertThat(ev.eventCode()).startsWith("EVENT_");
                        assertThat(ev.eventDate()).isPresent();
                        assertThat(ev.city()).isPresent();
                    });
                    assertThat(t.latestEvent().orElseThrow().eventCode()).isEqualTo("EVENT_301");
                    trackings++;
                }
                default -> {
                    // previews, offers, returns, features: not used by the helpdesk
                }
            }
        }
        assertThat(orders).isGreaterThanOrEqualTo(3);
        assertThat(trackings).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyFeedsExampleParses() {
        List<SandboxExamples.Example> examples = SandboxExamples.of(Reference.spApi(), "feeds_2021-06-30");
        Set<String> seen = new HashSet<>();
        for (SandboxExamples.Example e : examples) {
            if (e.status() >= 400) {
                assertErrorShape(e);
                continue;
            }
            switch (e.operationId()) {
                case "getFeed" -> {
                    Feed f = FeedParsers.feed(e.body());
                    assertThat(f.feedId()).isNotBlank();
                    assertThat(f.feedType()).isNotBlank();
                    assertThat(f.createdTime()).isPresent();
                    assertThat(f.processingStatus().terminal()).isEqualTo(f.processingEndTime().isPresent());
                }
                case "getFeeds" -> assertThat(FeedParsers.feeds(e.body())).isNotEmpty()
                        .allSatisfy(f -> assertThat(f.processingStatus()).isNotNull());
                case "createFeed" -> assertThat(FeedParsers.feedId(e.body())).isNotBlank();
                case "createFeedDocument" -> {
                    FeedDocumentUpload u = FeedParsers.upload(e.body());
                    assertThat(u.url().getScheme()).isEqualTo("https");
                    assertThat(u.feedDocumentId()).isNotBlank();
                }
                case "getFeedDocument" -> {
                    FeedDocument d = FeedParsers.document(e.body());
                    assertThat(d.url().getScheme()).isEqualTo("https");
                    assertThat(d.gzip()).isEqualTo("GZIP".equals(e.body().path("compressionAlgorithm").asText()));
                }
                default -> {
                    continue;
                }
            }
            seen.add(e.operationId());
        }
        assertThat(seen).contains("getFeed", "getFeeds", "createFeed", "createFeedDocument", "getFeedDocument");
    }

    @Test
    void notificationExamplesParse() {
        Path dir = Reference.spApi().resolve("notifications");
        JsonNode feed = Reference.read(dir.resolve("FeedProcessingFinishedNotification.json"));
        assertThat(feed.path("examples")).isNotEmpty();
        for (JsonNode example : feed.path("examples")) {
            SpApiNotification n = SpApiNotifications.parse(example.toString());
            assertThat(n).isInstanceOfSatisfying(SpApiNotification.FeedProcessingFinished.class, f -> {
                assertThat(f.feedId()).isEqualTo("53347018456");
                assertThat(f.feedType()).isEqualTo("POST_PRODUCT_DATA");
                assertThat(f.processingStatus()).isEqualTo(FeedProcessingStatus.DONE);
                assertThat(f.resultFeedDocumentId()).contains("amzn1.tortuga.3.edbcd0d8-3434-8222-1234-52ad8ade1208.URUTI57URI9BMZ");
                assertThat(f.notificationId()).contains("d0e9e693-c3ad-4373-979f-ed4ec98dd746");
                assertThat(f.eventTime()).contains(java.time.Instant.parse("2020-07-13T19:42:04.284Z"));
                assertThat(f.accountId()).isNotBlank();
            });
        }
        JsonNode orderChange = Reference.read(dir.resolve("OrderChangeNotification.json"));
        assertThat(orderChange.path("examples")).isNotEmpty();
        for (JsonNode example : orderChange.path("examples")) {
            SpApiNotification n = SpApiNotifications.parse(example.toString());
            assertThat(n).isInstanceOfSatisfying(SpApiNotification.OrderChange.class, o -> {
                assertThat(o.amazonOrderId()).isEqualTo("903-8868176-2219830");
                assertThat(o.orderChangeType()).contains("BuyerRequestedChange");
                assertThat(o.changeReason()).contains("Buyer Requested Cancel");
                assertThat(o.orderStatus()).isEqualTo(OrderStatus.UNSHIPPED);
                assertThat(o.fulfillmentType()).contains("MFN");
                assertThat(o.marketplaceId()).contains("ATVPDKIKX0DER");
                assertThat(o.buyerRequestedCancelItemIds()).containsExactly("OIID34853450");
                assertThat(o.sellerId()).contains("A3TH9S8BH6GOGM");
            });
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                for (JsonNode example : Reference.read(f).path("examples")) {
                    assertThat(SpApiNotifications.parse(example.toString()).notificationType())
                            .as(f.getFileName().toString()).isEqualTo(example.has("notificationType")
                                    ? example.get("notificationType").asText() : example.get("NotificationType").asText());
                }
            }
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static void assertErrorShape(SandboxExamples.Example e) {
        if (e.body() != null && e.body().has("errors")) {
            assertThat(e.body().path("errors").path(0).path("code").asText()).as(e.toString()).isNotBlank();
        }
    }

    /** The region of a marketplace by its public name (cross-checks the marketplace-id table). */
    private static Region regionOf(String marketplaceName) {
        String n = marketplaceName.toLowerCase();
        if (n.endsWith(".com") || n.endsWith(".ca") || n.endsWith(".com.mx") || n.endsWith(".com.br")) {
            return Region.NA;
        }
        if (n.endsWith(".co.jp") || n.endsWith(".com.au") || n.endsWith(".sg")) {
            return Region.FE;
        }
        return Region.EU;
    }
}
