package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A reply on every channel the intake envelope names: it is sent and arrives where the channel delivers it (Amazon's
 * relay alias, the buyer's eBay conversation, the buyer's mailbox from the shop's address), or, for a seller who has
 * not set the channel up, it is refused before anything changes. Never accepted and then silently stuck.
 * journey-south has an eBay account and a shop with a support address in the journeys' world; journey-north has neither.
 */
@ResourceLock(JourneySystem.NORTH)
@ResourceLock(JourneySystem.SOUTH)
class EveryChannelReplyJourneyTest extends Journey {
    private static final String SHOP_ADDRESS = "help@journey-south.example";

    @Test
    @DisplayName("amazon: the reply to a channel message is sent to the buyer's relay alias")
    void anAmazonReplyIsSent() {
        JsonNode sent = replySent("amazon", "ATVPDKIKX0DER", "w1x2y3z4a5b6c7d@marketplace.amazon.com", null);
        mail.await("w1x2y3z4a5b6c7d@marketplace.amazon.com", m -> m.text().contains(sent.path("body").asText()), LIMIT);
    }

    @Test
    @DisplayName("ebay: the reply reaches the buyer's eBay conversation through the Message API")
    void anEbayReplyReachesTheBuyersConversation() {
        JsonNode sent = replySent("ebay", "EBAY_US", "journey_ebay_buyer", "journey-conv-1");
        assertThat(JourneySystem.ebay().sellerMessages("journey-conv-1")).as("the conversation on eBay")
                .contains(sent.path("body").asText());
    }

    @Test
    @DisplayName("shopify: the reply is mailed to the buyer from the shop's support address")
    void aShopReplyIsMailedFromTheShopsAddress() {
        // e-mail tickets take the same path (ReplySenderTest.OtherChannels sends both); one channel keeps the suite short
        for (String channel : new String[] {"shopify"}) {
            String buyer = channel + ".buyer." + System.nanoTime() + "@example.com";
            JsonNode sent = replySent(channel, null, buyer, null);
            Mailbox.Mail mailed = mail.await(buyer, m -> m.text().contains(sent.path("body").asText()), LIMIT);
            assertThat(mailed.from()).as(channel + " reply's sender").isEqualTo(SHOP_ADDRESS);
            assertThat(mailed.subject()).isEqualTo("Re: Question (" + channel + ")");
        }
    }

    @Test
    @DisplayName("ebay, shopify, email of a seller who has not set them up: refused with 409 before anything changes")
    void aReplyOnAChannelTheSellerHasNotSetUpIsRefusedBeforeAnythingChanges() {
        String token = agentToken(NORTH);
        for (String channel : new String[] {"ebay", "shopify", "email"}) {
            String buyer = "ebay".equals(channel) ? "north_ebay_buyer" : "north.buyer@example.com";
            JsonNode ticket = ticketWithMessage(token, intake.channelMessage(token, channel, NORTH, null,
                    channel + "-thread-" + System.nanoTime(), null, buyer, "Question (" + channel + ")", "Do you ship to Canada?"));
            Tenant before = Tenant.snapshot(api, token);
            Api.Response reply = api.post("/tickets/" + ticket.path("id").asText() + "/replies", token,
                    Map.of("text", "Yes, we ship to Canada."), "journey-north-" + channel + "-" + System.nanoTime());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
            assertThat(reply.json().path("type").asText()).isEqualTo("urn:deskbridge:problem:reply-channel-not-configured");
            assertThat(reply.json().path("channel").asText()).isEqualTo(channel);
            Tenant.assertUnchanged(before, Tenant.snapshot(api, token), "a " + channel + " reply the seller has not set up");
        }
    }

    /** journey-south's buyer writes on {@code channel}, the agent answers: accepted (202) and sent. The sent reply. */
    private static JsonNode replySent(String channel, String marketplaceId, String buyer, String thread) {
        String token = agentToken(SOUTH);
        String externalId = intake.channelMessage(token, channel, SOUTH, marketplaceId,
                thread != null ? thread : channel + "-thread-" + System.nanoTime(), null, buyer, "Question (" + channel + ")",
                "Do you ship to Canada?");
        JsonNode ticket = ticketWithMessage(token, externalId);
        String id = ticket.path("id").asText();
        assertThat(ticket.path("channel").asText()).isEqualTo(channel);
        int before = ticket.path("messages").size();
        String text = "Yes, we ship to Canada (" + channel + " " + System.nanoTime() + ").";
        Api.Response reply = api.post("/tickets/" + id + "/replies", token, Map.of("text", text),
                "journey-" + channel + "-" + System.nanoTime());
        assertThat(reply.status()).as(channel + " replies can leave: " + reply).isEqualTo(202);
        JsonNode after = await(channel + " reply final", () -> api.get("/tickets/" + id, token).json(),
                t -> t.path("messages").path(before).path("sendStatus").asText().matches("sent|failed"), Ledger.BOUND);
        JsonNode sent = after.path("messages").path(before);
        assertThat(sent.path("sendStatus").asText()).as(channel + ": accepted, so it must be sent: " + sent).isEqualTo("sent");
        assertThat(sent.path("body").asText()).isEqualTo(text);
        return sent;
    }
}
