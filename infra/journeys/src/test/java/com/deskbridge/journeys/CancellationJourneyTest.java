package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** A buyer asks to cancel: FBM by Amazon's feed, MCF by Fulfillment Outbound; each to its final state in API and console. */
@ResourceLock(JourneySystem.NORTH)
@ResourceLock(JourneySystem.SOUTH)
class CancellationJourneyTest extends Journey {

    @Test
    @DisplayName("FBM cancellation from the console: the unshipped order is cancelled (COMPLETED); cancelling again is refused and changes nothing")
    void anUnshippedFbmOrderIsCancelledFromTheConsole() {
        String token = agentToken(NORTH);
        String order = "028-5100003-0000003";
        String id = RefundJourneyTest.amazonTicket(token, NORTH, "A1PA6795UKMFR9", order, "c3v4b5n6m7l8k9j@marketplace.amazon.de",
                "Ich habe versehentlich bestellt, bitte stornieren.");

        BrowserPage page = Console.ticket(system, "agent-" + NORTH, NORTH, id);
        String summary = Console.confirmAction(page, "#btn-cancel",
                p -> p.evaluate("document.getElementById('cancel-reason').value = 'BuyerCanceled', true"), 1);
        assertThat(summary).contains("Cancel order " + order).contains("BuyerCanceled");

        String actionId = recordedActions(token, id).get(0).path("actionId").asText();
        JsonNode done = finalAction(token, id, actionId);
        assertThat(done.path("type").asText()).isEqualTo("CANCELLATION");
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        Console.dismissAction(page);
        Console.showsActionState(page, id, actionId, "COMPLETED");

        refused(token, "cancelling a cancelled order", () -> api.post("/tickets/" + id + "/cancellation", token,
                Map.of("orderId", order, "reason", "BuyerCanceled"), "journey-cancel-again-" + System.nanoTime()));
    }

    @Test
    @DisplayName("MCF cancellation: a Shopify buyer's order fulfilled by Amazon is cancelled through Fulfillment Outbound (COMPLETED, API and console)")
    void anMcfOrderIsCancelled() {
        String token = agentToken(SOUTH);
        String order = "MCF-SOUTH-2001";
        String externalId = intake.channelMessage(token, "shopify", SOUTH, null, "shopify-conv-" + System.nanoTime(), order,
                "alex.wilson@example.com", "Cancel my order", "Please cancel order SOUTH-2001, I ordered twice.");
        String id = ticketWithMessage(token, externalId).path("id").asText();

        Api.Response accepted = api.post("/tickets/" + id + "/cancellation", token, Map.of("orderId", order),
                "journey-mcf-" + System.nanoTime());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String actionId = accepted.json().path("actionId").asText();
        JsonNode done = finalAction(token, id, actionId);
        assertThat(done.path("type").asText()).isEqualTo("MCF_CANCELLATION");
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");

        BrowserPage page = Console.ticket(system, "agent-" + SOUTH, SOUTH, id);
        Console.showsActionState(page, id, actionId, "COMPLETED");
    }
}
