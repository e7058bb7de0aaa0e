package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog;
import com.deskbridge.enrichment.TicketEnrichment.ShipmentView;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderSource;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.logistics.ProactiveFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.junit.jupiter.api.Test;

/**
 * Order context of eBay and Shopify tickets (issue 15): the order comes from the seller's account on the ticket's
 * channel (in-memory stand-ins for the eBay and Shopify order sources, which functions/ebay and functions/shopify test
 * against their simulators), its parcels are tracked by the real carrier simulator like an FBM order's, SP-API is not
 * asked, and a seller without that channel's account gets a readable FAILED state, never a retry loop.
 */
class ChannelOrderContextTest {

    private final Fixture f = new Fixture();
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void close() {
        f.close();
    }

    /** A source that knows one order and records what it was asked. */
    private OrderSource source(OrderSummary known) {
        return (seller, orderId) -> {
            asked.add(seller + "|" + orderId);
            return known.orderId().equals(orderId) ? Optional.of(known) : Optional.empty();
        };
    }

    private static OrderSummary shipped(String orderId, String marketplace, Instant promised, String carrier, String number) {
        return new OrderSummary(orderId, marketplace, OrderStatus.SHIPPED, FulfilmentChannel.FBM, promised.minus(Duration.ofDays(4)),
                promised.minus(Duration.ofDays(2)), promised, List.of(new OrderSummary.Item("LAMP-1", "Tischlampe", 1)),
                List.of(new OrderSummary.ShippedPackage(carrier, number, promised.minus(Duration.ofDays(3)))));
    }

    private EnrichmentRequest request(String ticket, String orderId) {
        return new EnrichmentRequest(f.seller, ticket, orderId, null, EnrichmentRequest.Reason.ORDER_KNOWN);
    }

    @Test
    void anEbayTicketShowsItsEbayOrderAndTheParcelTrackedLikeAnFbmOrdersWithItsFlag() {
        String dhl = f.dhlNumber();
        f.shipment("dhl", dhl, null, "-PT40H|pre-transit|The instruction data for this shipment have been provided|Bonn",
                "-PT20H|transit|The shipment has been processed in the parcel center of origin|Koeln");
        f.start();
        String orderId = "27-" + TestStack.unique().substring(0, 5) + "-00001";
        OrderSummary order = shipped(orderId, "EBAY_DE", f.clock.instant().minus(Duration.ofHours(12)), "DHL", dhl);
        EnrichmentWiring w = f.wiring(CarrierBudgets.documented(), null, (seller, channel) -> "ebay".equals(channel)
                ? Optional.of(new ChannelOrderSources.Orders("eBay", source(order))) : Optional.empty());
        String ticket = f.ticket(null, null, "ebay");

        EnrichmentService.Result r = w.service().enrich(request(ticket, orderId));

        assertThat(r.state()).as(r.detail()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(asked).containsExactly(f.seller + "|" + orderId);
        assertThat(f.spApi.callCount("lwa.token")).as("SP-API is not asked").isZero();
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.order().orderId()).isEqualTo(orderId);
        assertThat(e.order().marketplaceId()).isEqualTo("EBAY_DE");
        assertThat(e.order().status()).isEqualTo("SHIPPED");
        assertThat(e.order().items()).singleElement().satisfies(i -> assertThat(i.sku()).isEqualTo("LAMP-1"));
        ShipmentView s = e.shipments().get(0);
        assertThat(e.shipments()).hasSize(1);
        assertThat(s.carrier()).isEqualTo("DHL");
        assertThat(s.trackingNumber()).isEqualTo(dhl);
        assertThat(s.status()).isEqualTo("InTransit");
        assertThat(s.source()).isEqualTo("carrier");
        assertThat(s.trackingLink()).contains("dhl").contains(dhl);
        // eBay's latest estimated delivery passed with the parcel still in transit: Delayed, as for an FBM order
        assertThat(s.flags()).containsExactly(ProactiveFlag.DELAYED);
        assertThat(f.carriers.callCount("dhl")).isEqualTo(1);
        var chain = new DynamoDbEvidenceLog(TestStack.get().dynamoDbClient(), TestStack.table(), f.clock).chain(f.seller, ticket);
        assertThat(chain.entries()).extracting(EvidenceChain.Entry::kind)
                .containsExactly(EvidenceChain.ORDER_SNAPSHOT, EvidenceChain.TRACKING_OBSERVED);
        assertThat(chain.entries().get(0).toString()).contains("ebay").doesNotContain("sp-api");
    }

    @Test
    void aShopifyOrderNamedWithAHashIsReadFromTheStoreForAnEmailTicket() {
        f.start();
        OrderSummary order = new OrderSummary("#2001", "shop.myshopify.com", OrderStatus.UNSHIPPED, FulfilmentChannel.FBM,
                f.clock.instant().minus(Duration.ofHours(6)), null, null, List.of(new OrderSummary.Item("CANDLE-3", "Kerzen", 2)),
                List.of());
        EnrichmentWiring w = f.wiring(CarrierBudgets.documented(), null, (seller, channel) -> "email".equals(channel)
                ? Optional.of(new ChannelOrderSources.Orders("Shopify", source(order))) : Optional.empty());
        String ticket = f.ticket(null, null, "email");
        EnrichmentRequest parsed = EnrichmentRequest.parse(request(ticket, "#2001").toJson());

        EnrichmentService.Result r = w.service().enrich(parsed);

        assertThat(r.state()).as(r.detail()).isEqualTo(EnrichmentState.COMPLETE);
        TicketEnrichment e = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(e.order().orderId()).isEqualTo("#2001");
        assertThat(e.order().status()).isEqualTo("UNSHIPPED");
        assertThat(e.shipments()).isEmpty();
        assertThat(e.trackingNote()).contains("Not shipped yet");
    }

    @Test
    void anEbayTicketOfASellerWithoutAnEbayAccountFailsWithAReadableReasonAndNoRetry() {
        f.start();
        EnrichmentWiring w = f.wiring(CarrierBudgets.documented(), null, ChannelOrderSources.NONE);
        String ticket = f.ticket(null, null, "ebay");

        EnrichmentService.Result r = w.service().enrich(request(ticket, "27-99999-00001"));

        assertThat(r.state()).isEqualTo(EnrichmentState.FAILED);
        assertThat(r.retry()).isFalse();
        assertThat(w.store().read(f.seller, ticket).orElseThrow().detail())
                .contains("no eBay account connected").contains("27-99999-00001");
    }

    @Test
    void aRefusedChannelAuthorisationAndAnOutageAreToldApart() {
        f.start();
        int[] status = {401};
        OrderSource failing = (seller, orderId) -> {
            throw new UpstreamException("shopify", status[0], "req-1", "HTTP " + status[0]);
        };
        EnrichmentWiring w = f.wiring(CarrierBudgets.documented(), null,
                (seller, channel) -> Optional.of(new ChannelOrderSources.Orders("Shopify", failing)));
        String ticket = f.ticket(null, null, "shopify");

        EnrichmentService.Result refused = w.service().enrich(request(ticket, "#2001"));
        assertThat(refused.state()).isEqualTo(EnrichmentState.FAILED);
        assertThat(refused.retry()).isFalse();
        assertThat(refused.detail()).contains("Shopify refused").contains("connect Shopify again");

        status[0] = 503;
        EnrichmentService.Result down = w.service().enrich(request(ticket, "#2001"));
        assertThat(down.state()).isEqualTo(EnrichmentState.RETRYING);
        assertThat(down.retry()).isTrue();
        assertThat(w.store().read(f.seller, ticket).orElseThrow().detail()).contains("Shopify").contains("503");
    }

    /**
     * Issue 15 on the tickets table: a LINK_ORDER request reads the ticket's first buyer message (not a later one, not
     * a reply) and, linked, the ticket item learns the order id with its ByOrder index entry, then shows the order.
     */
    @Test
    void anEmailTicketNamingNoOrderLearnsTheOrderItsFirstBuyerMessageIsLinkedTo() {
        f.start();
        OrderSummary order = new OrderSummary("#2101", "shop.myshopify.com", OrderStatus.UNSHIPPED, FulfilmentChannel.FBM,
                f.clock.instant().minus(Duration.ofHours(6)), null, null, List.of(new OrderSummary.Item("VASE-1", "Vase", 1)),
                List.of());
        List<String> read = new ArrayList<>();
        ChannelOrderSources.OrderLinker linker = (seller, subject, body, sender) -> {
            read.add(sender + "|" + subject + "|" + body);
            return new ChannelOrderSources.Link(Optional.of("#2101"), "the sender's only order");
        };
        EnrichmentWiring w = f.wiring(CarrierBudgets.documented(), null, (seller, channel) -> "email".equals(channel)
                ? Optional.of(new ChannelOrderSources.Orders("Shopify", source(order), linker)) : Optional.empty());
        String ticket = f.ticket(null, null, "email");
        message(ticket, "M#b", "in", "ana@example.org", "Zweite", "noch da?", "2026-12-01T10:05:00.000Z");
        message(ticket, "M#a", "in", "ana@example.org", "Meine Vase", "wo bleibt sie?", "2026-12-01T10:00:00.000Z");
        message(ticket, "M#0", "out", "shop@example.org", "Re: Meine Vase", "kommt", "2026-11-30T10:00:00.000Z");

        EnrichmentService.Result r = w.service().enrich(new EnrichmentRequest(f.seller, ticket, null, null,
                EnrichmentRequest.Reason.LINK_ORDER));

        assertThat(r.state()).as(r.detail()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(read).containsExactly("ana@example.org|Meine Vase|wo bleibt sie?");
        var item = TestStack.get().dynamoDbClient().getItem(g -> g.tableName(f.table)
                .key(DynamoDbTicketEnrichmentStore.key(f.seller, ticket))).item();
        assertThat(item.get("orderId").s()).isEqualTo("#2101");
        assertThat(item.get("GSI2PK").s()).isEqualTo("S#" + f.seller + "#O##2101");
        assertThat(w.store().read(f.seller, ticket).orElseThrow().order().orderId()).isEqualTo("#2101");
        assertThat(w.store().learnOrder(f.seller, ticket, "#9999")).as("an order once learnt stays").contains("#2101");
    }

    private void message(String ticket, String sk, String direction, String sender, String subject, String body, String at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("S#" + f.seller + "#T#" + ticket));
        item.put("SK", AttributeValue.fromS(sk));
        item.put("itemType", AttributeValue.fromS("message"));
        item.put("messageKey", AttributeValue.fromS(sk.substring(2)));
        item.put("externalMessageId", AttributeValue.fromS("x-" + sk));
        item.put("senderAddress", AttributeValue.fromS(sender));
        item.put("subject", AttributeValue.fromS(subject));
        item.put("body", AttributeValue.fromS(body));
        item.put("receivedAt", AttributeValue.fromS(at));
        if (direction.equals("out")) {
            item.put("direction", AttributeValue.fromS("out"));
        }
        TestStack.get().dynamoDbClient().putItem(p -> p.tableName(f.table).item(item));
    }
}
