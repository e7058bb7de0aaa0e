package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * eBay buyer messages in (issue 15): a buyer writes to the seller on eBay (the eBay simulator), the eBay message poll
 * (template.yaml EbayMessagePollFunction, fired through the runner's schedule hook) reads it through eBay's Message API
 * and puts it on the intake queue, and it becomes one ticket with the eBay order's context. Seller {@value #SELLER}
 * has only its eBay account in the journeys' world (its own user name, buyer, listing and order).
 */
class EbayInboundJourneyTest extends Journey {

    static final String SELLER = "journey-ebay-in";
    static final String POLL = "EbayMessagePollFunction.EveryMinute";
    static final String SHOP = "journey-ebay-in.myshopify.com";

    @Test
    @DisplayName("eBay: a buyer's message arrives through the poll as one ticket with the eBay order; a later message joins it, nothing twice")
    void anEbayBuyersMessagesBecomeOneTicketWithTheOrder() {
        String token = agentToken(SELLER);
        String conversation = JourneySystem.ebay().buyerStartsConversation(SELLER, "ebayin_buyer_1", "180000000801",
                "Stehlampe Messing", "Wann wird meine Stehlampe verschickt?");
        JourneySystem.fireSchedule(POLL);

        JsonNode first = await("the eBay message as a ticket", () -> tickets(token), t -> !t.isEmpty()).get(0);
        String id = first.path("id").asText();
        JsonNode context = withContext(token, id);
        assertThat(context.path("channel").asText()).isEqualTo("ebay");
        assertThat(context.path("order").path("orderId").asText()).as("the buyer's order of the listing: " + context)
                .isEqualTo("28-80001-00001");
        assertThat(context.path("order").path("marketplaceId").asText()).isEqualTo("EBAY_DE");
        assertThat(context.path("order").path("items").get(0).path("sku").asText()).isEqualTo("EBAYIN-LAMP");
        assertThat(buyerMessages(context)).singleElement().satisfies(m -> {
            assertThat(m.path("body").asText()).isEqualTo("Wann wird meine Stehlampe verschickt?");
            assertThat(m.path("from").asText()).isEqualTo("ebayin_buyer_1");
        });

        // the buyer writes again; polled again (the window overlaps the first message): the same ticket, each message once
        JourneySystem.ebay().buyerWrites(conversation, "Und bekomme ich eine Rechnung?");
        JourneySystem.fireSchedule(POLL);
        JsonNode after = await("the second eBay message on the ticket", () -> api.get("/tickets/" + id, token).json(),
                t -> buyerMessages(t).size() >= 2);
        JourneySystem.fireSchedule(POLL);
        after = api.get("/tickets/" + id, token).json();
        assertThat(buyerMessages(after)).extracting(m -> m.path("body").asText())
                .containsExactly("Wann wird meine Stehlampe verschickt?", "Und bekomme ich eine Rechnung?");
        assertThat(tickets(token)).as("one ticket for the conversation").hasSize(1);
    }

    @Test
    @DisplayName("Shopify: the store ships the order, its signed orders/updated webhook refreshes the ticket's order; a forged webhook is refused with 401, nothing changes")
    void aShopifyWebhookRefreshesTheOrderAForgedOneIsRefused() {
        String token = agentToken(SELLER);
        String order = "#2801";
        String externalId = intake.channelMessage(token, "shopify", SELLER, null, "ebayin-shop-" + System.nanoTime(), order,
                "kim.webhook@example.org", "Versand " + order, "Wann wird meine Bestellung " + order + " verschickt?");
        String id = ticketWithMessage(token, externalId).path("id").asText();
        JsonNode before = withContext(token, id);
        assertThat(before.path("order").path("orderId").asText()).as(before.toString()).isEqualTo(order);
        assertThat(before.path("order").path("status").asText()).isEqualTo("UNSHIPPED");

        // a forged delivery (wrong signature) to the store's webhook route: 401 problem+json, nothing changes
        String forgedBody = "{\"id\":6801,\"admin_graphql_api_id\":\"gid://shopify/Order/6801\",\"name\":\"#2801\"}";
        Api.Response forged = refused(token, "a forged Shopify webhook", () -> api.send("POST", "/webhooks/shopify/" + SELLER, null,
                forgedBody, java.util.Map.of("X-Shopify-Topic", "orders/updated", "X-Shopify-Shop-Domain", SHOP,
                        "X-Shopify-Webhook-Id", "forged-" + System.nanoTime(),
                        "X-Shopify-Hmac-Sha256", java.util.Base64.getEncoder().encodeToString(new byte[32]))));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).isEqualTo("application/problem+json");
        assertThat(forged.json().path("type").asText()).isEqualTo("urn:deskbridge:problem:webhook-signature-invalid");

        // the seller ships in the store: Shopify signs and sends orders/updated, the ticket's order is read again
        JourneySystem.shopify().fulfil(SHOP, order, "DHL", "00340434161094042801", null);
        JsonNode after = await("the shipped order on the ticket", () -> api.get("/tickets/" + id, token).json(),
                t -> "SHIPPED".equals(t.path("order").path("status").asText()));
        assertThat(after.path("order").path("orderId").asText()).isEqualTo(order);
    }

    /** The seller's eBay tickets (its Shopify ticket is the other journey's). */
    private static List<JsonNode> tickets(String token) {
        List<JsonNode> out = new ArrayList<>();
        for (String status : new String[] {"open", "pending", "closed"}) {
            api.get("/tickets?status=" + status + "&channel=ebay&limit=100", token).json().path("items").forEach(t -> {
                if ("ebay".equals(t.path("channel").asText())) {
                    out.add(t);
                }
            });
        }
        return out;
    }

    private static List<JsonNode> buyerMessages(JsonNode ticket) {
        List<JsonNode> out = new ArrayList<>();
        ticket.path("messages").forEach(m -> {
            if ("in".equals(m.path("direction").asText())) {
                out.add(m);
            }
        });
        return out;
    }
}
