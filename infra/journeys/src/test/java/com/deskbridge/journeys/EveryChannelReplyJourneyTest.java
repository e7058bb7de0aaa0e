package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A reply on every channel the intake envelope names: it is sent (and arrives where the channel delivers it), or it
 * is refused before anything changes. Never accepted and then silently stuck.
 */
class EveryChannelReplyJourneyTest extends Journey {

    @Test
    @DisplayName("amazon: the reply to a channel message is sent to the buyer's relay alias")
    void anAmazonReplyIsSent() {
        assertSentOrRefused("amazon", "ATVPDKIKX0DER", "w1x2y3z4a5b6c7d@marketplace.amazon.com", true);
    }

    @Test
    @DisplayName("email, ebay, shopify: each reply is sent, or refused before anything changes")
    void aReplyOnEveryOtherChannelIsSentOrRefusedBeforeAnythingChanges() {
        assertSentOrRefused("email", null, "buyer.journey@example.com", false);
        assertSentOrRefused("ebay", "EBAY_DE", "ebay_buyer_journey", false);
        assertSentOrRefused("shopify", null, "shopify-customer-4711", false);
    }

    private static void assertSentOrRefused(String channel, String marketplaceId, String buyer, boolean mustSend) {
        String token = agentToken(SOUTH);
        String externalId = intake.channelMessage(token, channel, SOUTH, marketplaceId, channel + "-thread-" + System.nanoTime(), null,
                buyer, "Question (" + channel + ")", "Do you ship to Canada?");
        JsonNode ticket = ticketWithMessage(token, externalId);
        String id = ticket.path("id").asText();
        assertThat(ticket.path("channel").asText()).isEqualTo(channel);

        Tenant before = Tenant.snapshot(api, token);
        String text = "Yes, we ship to Canada (" + channel + " " + System.nanoTime() + ").";
        Api.Response reply = api.post("/tickets/" + id + "/replies", token, Map.of("text", text), "journey-" + channel + "-" + System.nanoTime());
        // sent (202, then the send's final state), or refused before anything changed
        if (reply.status() == 202) {
            JsonNode after = await(channel + " reply final", () -> api.get("/tickets/" + id, token).json(),
                    t -> t.path("messages").path(1).path("sendStatus").asText().matches("sent|failed"), Ledger.BOUND);
            JsonNode sent = after.path("messages").path(1);
            assertThat(sent.path("sendStatus").asText()).as(channel + ": accepted, so it must be sent: " + sent).isEqualTo("sent");
            if (buyer.contains("@")) {
                mail.await(buyer, m -> m.text().contains(text), LIMIT);
            }
        } else {
            assertThat(mustSend).as(channel + " replies can leave, yet: " + reply).isFalse();
            assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
            Tenant.assertUnchanged(before, Tenant.snapshot(api, token), "a " + channel + " reply that cannot leave");
        }
    }
}
