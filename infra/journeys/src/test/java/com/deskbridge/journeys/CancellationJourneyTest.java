package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A buyer asks to cancel: FBM by Amazon's feed, MCF by Fulfillment Outbound; each to its final state in API and console. */
class CancellationJourneyTest extends Journey {

    @Test
    @DisplayName("FBM cancellation from the console: the unshipped order is cancelled (COMPLETED); cancelling again is refused and changes nothing")
    void anUnshippedFbmOrderIsCancelledFromTheConsole() {
        String token = agentToken(NORTH);
        String order = "028-5100003-0000003";
        String id = RefundJourneyTest.amazonTicket(token, NORTH, "A1PA6795UKMFR9", order, "c3v4b5n6m7l8k9j@marketplace.amazon.de",
                "Ich habe versehentlich bestellt, bitte stornieren.");

        BrowserPage page = Console.ticket(system, "agent-" + NORTH, NORTH, id);
        page.click("#btn-cancel");
        page.waitFor("the cancellation dialog", "document.getElementById('action-dialog').open");
        page.evaluate("document.getElementById('cancel-reason').value = 'BuyerCanceled', true");
        page.click("#action-review");
        page.waitFor("the confirmation step", "document.getElementById('action-dialog').dataset.step === 'confirm'");
        assertThat(page.text("#action-summary")).contains("Cancel order " + order).contains("BuyerCanceled");
        page.click("#action-confirm");
        page.waitFor("the action's state", "document.getElementById('action-dialog').dataset.step === 'state'");

        JsonNode actions = await("the cancellation recorded", () -> api.get("/tickets/" + id + "/actions", token).json().path("actions"),
                a -> a.size() > 0);
        String actionId = actions.get(0).path("actionId").asText();
        JsonNode done = finalAction(token, id, actionId);
        assertThat(done.path("type").asText()).isEqualTo("CANCELLATION");
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        page.click("#action-dismiss");
        Console.showsActionState(page, id, actionId, "COMPLETED");

        Tenant before = Tenant.snapshot(api, token);
        Api.Response again = api.post("/tickets/" + id + "/cancellation", token, Map.of("orderId", order, "reason", "BuyerCanceled"),
                "journey-cancel-again-" + System.nanoTime());
        assertThat(again.status()).as("the order is cancelled now: " + again).isBetween(400, 499);
        Tenant.assertUnchanged(before, Tenant.snapshot(api, token), "cancelling a cancelled order");
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
