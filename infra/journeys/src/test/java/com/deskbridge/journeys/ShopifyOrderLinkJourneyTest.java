package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a buyer's e-mail to a seller with a Shopify store that names no order is linked to the buyer's order at the
 * store (the local Shopify simulator, Admin GraphQL {@code orders(query: "email:…")}): the sender's only order of the
 * last 60 days, else none and the reason, for the agent. Seller {@value #SELLER} has a store and nothing else
 * (journeys-world.json).
 */
class ShopifyOrderLinkJourneyTest extends Journey {

    static final String SELLER = "journey-shop-link";

    @Test
    @DisplayName("an e-mail naming no order, from a buyer with one recent order at the store: the ticket shows that order (#3151)")
    void aBuyersOnlyRecentOrderIsLinked() {
        String token = agentToken(SELLER);
        String id = mail(token, "lina.link@example.org", "Frage zur Lieferung", "Hallo, wann kommt meine Vase?");

        JsonNode context = withContext(token, id);
        assertThat(context.path("order").path("orderId").asText()).as(context.toString()).isEqualTo("#3151");
        assertThat(context.path("order").path("items").get(0).path("sku").asText()).isEqualTo("LINK-VASE");
        assertThat(context.path("orderId").asText()).isEqualTo("#3151");
    }

    @Test
    @DisplayName("an e-mail naming no order, from a buyer with two recent orders: no order is linked and the ticket says why")
    void aBuyerWithTwoRecentOrdersIsNotLinked() {
        String token = agentToken(SELLER);
        String id = mail(token, "max.twice@example.org", "Rücksendung", "Ich möchte etwas zurückschicken.");

        JsonNode t = await("the linking's outcome on " + id, () -> api.get("/tickets/" + id, token).json(),
                x -> x.path("enrichment").path("state").asText().equals("FAILED"));
        assertThat(t.path("enrichment").path("detail").asText()).as(t.toString())
                .startsWith("no order linked").contains("several orders").contains("ask the buyer");
        assertThat(t.path("order").isNull() || t.path("order").isMissingNode()).as(t.toString()).isTrue();
        assertThat(t.path("orderId").isNull() || t.path("orderId").isMissingNode()).as(t.toString()).isTrue();
    }

    private static String mail(String token, String sender, String subject, String body) {
        String externalId = intake.channelMessage(token, "email", SELLER, null, null, null, sender, subject, body);
        return ticketWithMessage(token, externalId).path("id").asText();
    }
}
