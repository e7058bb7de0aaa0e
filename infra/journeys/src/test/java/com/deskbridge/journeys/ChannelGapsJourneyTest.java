package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seller {@value #SELLER} (journeys-world.json): an eBay.pl account and a store selling in SEK. An eBay reply continues
 * the conversation the buyer wrote in, even when the buyer has another conversation with the seller; refunds are made in
 * the order's currency (PLN on eBay, SEK at the store), never the seller's default, and the refund confirmation macro
 * writes the amount the way the buyer's language does.
 */
class ChannelGapsJourneyTest extends Journey {

    static final String SELLER = "journey-channel-gaps";

    @Test
    @DisplayName("eBay.pl: the reply lands in the conversation the buyer wrote in (eBay's conversationId), not in the buyer's other one; a full refund of the PLN order is issued in PLN (268.99), COMPLETED; the Polish refund macro says 268,99 zł")
    void anEbayReplyContinuesTheBuyersConversationAndTheRefundIsInTheOrdersZloty() {
        String token = agentToken(SELLER);
        String order = "29-90000-00001";
        String id = ticket(token, "ebay", "EBAY_PL", "journey-gaps-conv-b", order, "gaps_buyer_pl", "Lampa stołowa",
                "Gdzie jest moja lampa? Przyszła uszkodzona, proszę o zwrot pieniędzy.");
        int before = api.get("/tickets/" + id, token).json().path("messages").size();
        String text = "Przepraszamy, zwracamy pieniądze (" + System.nanoTime() + ").";
        Api.Response reply = api.post("/tickets/" + id + "/replies", token, Map.of("text", text), "journey-gaps-reply-" + System.nanoTime());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);

        JsonNode done = refunded(token, id, Map.of("orderId", order, "reason", "CustomerReturn", "full", true));
        assertThat(done.path("amount").path("amount").asText()).as(done.toString()).isEqualTo("268.99");
        assertThat(done.path("amount").path("currency").asText()).isEqualTo("PLN");
        assertThat(JourneySystem.ebay().refunds(order)).as("the refund at eBay").isNotEmpty();
        assertThat(refundMacro(token, id, "pl")).contains("268,99 zł", order);

        JsonNode sent = await("the eBay reply final", () -> api.get("/tickets/" + id, token).json().path("messages").path(before),
                m -> m.path("sendStatus").asText().matches("sent|failed"), Ledger.BOUND);
        assertThat(sent.path("sendStatus").asText()).as(sent.toString()).isEqualTo("sent");
        assertThat(JourneySystem.ebay().sellerMessages("journey-gaps-conv-b")).as("the ticket's conversation").contains(text);
        assertThat(JourneySystem.ebay().sellerMessages("journey-gaps-conv-a")).as("the buyer's other conversation")
                .doesNotContain(text);
    }

    @Test
    @DisplayName("Shopify: a refund of a SEK order's line is made in SEK (498.75 with Swedish VAT), COMPLETED; the Swedish refund macro says 498,75 kr")
    void aShopifyRefundIsInTheOrdersKronor() {
        String token = agentToken(SELLER);
        String order = "#2901";
        String id = ticket(token, "shopify", null, "shopify-gaps-" + System.nanoTime(), order, "astrid.gaps@example.se",
                "Trasigt ljus", "Doftljuset kom trasigt, jag vill ha pengarna tillbaka.");

        JsonNode done = refunded(token, id, Map.of("orderId", order, "reason", "CustomerReturn", "full", false, "lines",
                List.of(Map.of("orderItemId", "gid://shopify/LineItem/9901", "quantity", 1, "components", List.of(
                        Map.of("component", "PRINCIPAL", "amount", "399.00"), Map.of("component", "TAX", "amount", "99.75"))))));
        assertThat(done.path("amount").path("amount").asText()).as(done.toString()).isEqualTo("498.75");
        assertThat(done.path("amount").path("currency").asText()).isEqualTo("SEK");

        assertThat(refundMacro(token, id, "sv")).contains("498,75 kr", order);
    }

    /** The refund asked for once, final: COMPLETED at the channel. */
    private static JsonNode refunded(String token, String id, Map<String, Object> refund) {
        Api.Response accepted = api.post("/tickets/" + id + "/refunds", token, refund, "journey-gaps-refund-" + System.nanoTime());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = finalAction(token, id, accepted.json().path("actionId").asText());
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("type").asText()).isEqualTo("REFUND");
        return done;
    }

    /** The refund confirmation macro rendered in {@code language} (the seller's shop name set first: the macro signs with it). */
    private static String refundMacro(String token, String id, String language) {
        assertThat(api.put("/reply-settings", leadToken(SELLER), Map.of("shopName", "Sklep Gaps", "defaultLanguage", "en",
                "autoReplies", false)).status()).isBetween(200, 204);
        Api.Response r = api.post("/tickets/" + id + "/macros/builtin-refund-confirmation/render", token, Map.of("language", language));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("text").asText();
    }

    private static String ticket(String token, String channel, String marketplace, String thread, String order, String buyer,
                                 String subject, String body) {
        String externalId = intake.channelMessage(token, channel, SELLER, marketplace, thread, order, buyer, subject, body);
        return ticketWithMessage(token, externalId).path("id").asText();
    }
}
