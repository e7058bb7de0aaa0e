package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * eBay and Shopify tickets: the refund or cancellation an agent asks for is validated against the live order at the
 * channel (the local eBay and Shopify simulators), executed there once per Idempotency-Key, and its confirmation is the
 * action's final state. Seller {@value #SELLER} has an eBay account and a Shopify store (local runner, README "eBay and
 * Shopify accounts"); its orders are its own.
 */
class ChannelActionsJourneyTest extends Journey {

    static final String SELLER = "journey-channels";

    @Test
    @DisplayName("eBay: the ticket shows the eBay order and its DHL parcel's tracking; full refund through issueRefund, confirmed REFUNDED; the same key is the same action; nothing is left to refund")
    void anEbayOrderIsRefundedOnce() {
        String token = agentToken(SELLER);
        String order = "27-10000-00001";
        String id = ticket(token, "ebay", "EBAY_DE", order, "journey_buyer_1", "Lampe defekt",
                "Die Lampe kam kaputt an, ich möchte mein Geld zurück.");

        // order context from eBay's Fulfillment API (getOrder, getShippingFulfillments), the parcel tracked at DHL
        JsonNode context = withContext(token, id);
        assertThat(context.path("order").path("orderId").asText()).as(context.toString()).isEqualTo(order);
        assertThat(context.path("order").path("marketplaceId").asText()).isEqualTo("EBAY_DE");
        assertThat(context.path("order").path("items").get(0).path("sku").asText()).isEqualTo("LAMP-1");
        JsonNode parcel = context.path("shipments").get(0);
        assertThat(parcel.path("carrier").asText()).as(context.toString()).isEqualTo("DHL");
        assertThat(parcel.path("trackingNumber").asText()).isEqualTo("00340434161094042601");
        assertThat(parcel.path("status").asText()).isEqualTo("InTransit");
        assertThat(parcel.path("lastLocation").toString()).contains("Köln");

        String key = "journey-ebay-refund-" + System.nanoTime();
        Map<String, Object> full = Map.of("orderId", order, "reason", "CustomerReturn", "full", true);
        Api.Response accepted = api.post("/tickets/" + id + "/refunds", token, full, key);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String actionId = accepted.json().path("actionId").asText();
        JsonNode done = finalAction(token, id, actionId);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("type").asText()).isEqualTo("REFUND");
        assertThat(done.path("amount").path("amount").asText()).isEqualTo("43.90");
        assertThat(done.path("channel").path("name").asText()).isEqualTo("ebay");
        assertThat(done.path("channel").path("externalId").asText()).isNotBlank();

        Api.Response replayed = api.post("/tickets/" + id + "/refunds", token, full, key);
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.json().path("actionId").asText()).isEqualTo(actionId);
        assertThat(recordedActions(token, id)).hasSize(1);

        // eBay's live order now shows the refund: a second refund under a new key has nothing left to pay back
        refused(token, "a second full refund of the eBay order", () -> api.post("/tickets/" + id + "/refunds", token, full,
                "journey-ebay-again-" + System.nanoTime()));
    }

    @Test
    @DisplayName("eBay: cancelling an unshipped order through the Post-Order API, COMPLETED; an unsupported reason is refused first")
    void anEbayOrderIsCancelled() {
        String token = agentToken(SELLER);
        String order = "27-10000-00002";
        String id = ticket(token, "ebay", "EBAY_DE", order, "journey_buyer_2", "Bitte stornieren", "Bitte die Bestellung stornieren.");

        refused(token, "a cancel reason eBay does not take", () -> api.post("/tickets/" + id + "/cancellation", token,
                Map.of("orderId", order, "reason", "GeneralAdjustment"), "journey-ebay-cancel-bad-" + System.nanoTime()));
        Api.Response accepted = api.post("/tickets/" + id + "/cancellation", token, Map.of("orderId", order, "reason", "BuyerCanceled"),
                "journey-ebay-cancel-" + System.nanoTime());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = finalAction(token, id, accepted.json().path("actionId").asText());
        assertThat(done.path("type").asText()).isEqualTo("CANCELLATION");
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("channel").path("name").asText()).isEqualTo("ebay");
    }

    @Test
    @DisplayName("Shopify: the ticket shows the store's order #2001 and its delivered DHL parcel; partial refund through refundCreate (suggestedRefund's amount), confirmed on the order; a refund above what is left is refused")
    void aShopifyOrderIsRefunded() {
        String token = agentToken(SELLER);
        String order = "#2001";
        String id = ticket(token, "shopify", null, order, "shopper.one@example.org", "Kerzen beschädigt",
                "Eine der Kerzen ist zerbrochen angekommen.");

        // order context from the store's Admin GraphQL API (order, lines, fulfilments with tracking), tracked at DHL
        JsonNode context = withContext(token, id);
        assertThat(context.path("enrichment").path("state").asText()).as(context.toString()).isEqualTo("COMPLETE");
        assertThat(context.path("order").path("orderId").asText()).isEqualTo(order);
        assertThat(context.path("order").path("status").asText()).isEqualTo("SHIPPED");
        assertThat(context.path("order").path("items").get(0).path("sku").asText()).isEqualTo("CANDLE-3");
        JsonNode parcel = context.path("shipments").get(0);
        assertThat(parcel.path("carrier").asText()).as(context.toString()).isEqualTo("DHL");
        assertThat(parcel.path("trackingNumber").asText()).isEqualTo("00340434161094042602");
        assertThat(parcel.path("status").asText()).isEqualTo("Delivered");

        Map<String, Object> oneCandle = candles(order, 1, "15.00", "2.85");
        String key = "journey-shopify-refund-" + System.nanoTime();
        Api.Response accepted = api.post("/tickets/" + id + "/refunds", token, oneCandle, key);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String actionId = accepted.json().path("actionId").asText();
        JsonNode done = finalAction(token, id, actionId);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("channel").path("name").asText()).isEqualTo("shopify");
        assertThat(done.path("channel").path("externalId").asText()).isNotBlank();
        assertThat(api.post("/tickets/" + id + "/refunds", token, oneCandle, key).json().path("actionId").asText()).isEqualTo(actionId);

        refused(token, "refunding three candles of two", () -> api.post("/tickets/" + id + "/refunds", token,
                candles(order, 2, "30.00", "5.70"),
                "journey-shopify-too-much-" + System.nanoTime()));
    }

    @Test
    @DisplayName("Shopify: cancelling an unfulfilled order through orderCancel, confirmed when Shopify's job is done (COMPLETED)")
    void aShopifyOrderIsCancelled() {
        String token = agentToken(SELLER);
        String order = "#2002";
        String id = ticket(token, "shopify", null, order, "shopper.two@example.org", "Stornierung", "Bitte stornieren Sie meine Bestellung.");

        Api.Response accepted = api.post("/tickets/" + id + "/cancellation", token, Map.of("orderId", order, "reason", "BuyerCanceled"),
                "journey-shopify-cancel-" + System.nanoTime());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = finalAction(token, id, accepted.json().path("actionId").asText());
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("channel").path("name").asText()).isEqualTo("shopify");
    }

    /** A refund of {@code quantity} candles (line 9601, 15.00 EUR each plus 19 % tax). */
    private static Map<String, Object> candles(String order, int quantity, String principal, String tax) {
        return Map.of("orderId", order, "reason", "CustomerReturn", "full", false, "lines", List.of(Map.of(
                "orderItemId", "gid://shopify/LineItem/9601", "quantity", quantity, "components", List.of(
                        Map.of("component", "PRINCIPAL", "amount", principal), Map.of("component", "TAX", "amount", tax)))));
    }

    private static String ticket(String token, String channel, String marketplace, String order, String buyer, String subject,
                                 String body) {
        String externalId = intake.channelMessage(token, channel, SELLER, marketplace, channel + "-conv-" + System.nanoTime(), order,
                buyer, subject, body);
        return ticketWithMessage(token, externalId).path("id").asText();
    }
}
