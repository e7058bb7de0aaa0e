package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static com.deskbridge.journeys.JourneySystem.UNAUTHORISED;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Refunds, full and partial, each to its final state in the API and in the console; money never moves twice. */
@ResourceLock(JourneySystem.NORTH)
@ResourceLock(JourneySystem.SOUTH)
@ResourceLock(JourneySystem.UNAUTHORISED)
class RefundJourneyTest extends Journey {

    /** A buyer's Amazon message about {@code orderId}; returns the ticket id. */
    static String amazonTicket(String token, String seller, String marketplaceId, String orderId, String alias, String text) {
        String externalId = intake.channelMessage(token, "amazon", seller, marketplaceId, null, orderId, alias, "Order " + orderId, text);
        String id = ticketWithMessage(token, externalId).path("id").asText();
        withContext(token, id);
        return id;
    }

    @Test
    @DisplayName("full refund from the console: review, confirm (double click: one action), COMPLETED in the API and in the console")
    void aFullRefundFromTheConsoleIsCompletedOnce() {
        String token = agentToken(NORTH);
        String order = "028-5100002-0000002";
        String id = amazonTicket(token, NORTH, "A1PA6795UKMFR9", order, "r4e5w6q7a8s9d0f@marketplace.amazon.de",
                "Die Lampe ist kaputt angekommen, bitte erstatten.");

        BrowserPage page = Console.ticket(system, "agent-" + NORTH, NORTH, id);
        String summary = Console.confirmAction(page, "#btn-refund", p -> { }, 2);
        assertThat(summary).contains("Refund everything").contains(order);

        JsonNode actions = recordedActions(token, id);
        assertThat(actions).as("a double click records one refund").hasSize(1);
        String actionId = actions.get(0).path("actionId").asText();
        JsonNode done = finalAction(token, id, actionId);
        assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("type").asText()).isEqualTo("REFUND");
        assertThat(done.path("amount").path("amount").asText()).as("item and shipping").isEqualTo("44.80");
        assertThat(done.path("feed").path("feedId").asText()).isNotBlank();

        Console.dismissAction(page);
        Console.showsActionState(page, id, actionId, "COMPLETED");

        // nothing is left to refund: a second full refund is refused and changes nothing
        refused(token, "a second full refund", () -> api.post("/tickets/" + id + "/refunds", token,
                Map.of("orderId", order, "reason", "CustomerReturn", "full", true), "journey-refund-again-" + System.nanoTime()));
    }

    @Test
    @DisplayName("partial refund through the API: one item, one amount; too much is refused and changes nothing; COMPLETED in the console")
    void aPartialRefundThroughTheApiIsCompletedAndTooMuchIsRefused() {
        String token = agentToken(SOUTH);
        String order = "113-5200001-0000001";
        String id = amazonTicket(token, SOUTH, "ATVPDKIKX0DER", order, "z1x2c3v4b5n6m7q@marketplace.amazon.com",
                "One of the two bottles leaks. Can I get money back for it?");

        Api.Response tooMuch = refused(token, "a refund above what is refundable", () -> api.post("/tickets/" + id + "/refunds", token,
                partial(order, "52000000000012", "999.00"), "journey-partial-too-much-" + System.nanoTime()));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().path("violations")).isNotEmpty();

        String key = "journey-partial-" + System.nanoTime();
        Api.Response accepted = api.post("/tickets/" + id + "/refunds", token, partial(order, "52000000000012", "14.50"), key);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        Api.Response replayed = api.post("/tickets/" + id + "/refunds", token, partial(order, "52000000000012", "14.50"), key);
        assertThat(replayed.header("idempotent-replayed")).isEqualTo("true");
        String actionId = accepted.json().path("actionId").asText();
        assertThat(replayed.json().path("actionId").asText()).isEqualTo(actionId);

        JsonNode done = finalAction(token, id, actionId);
        assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("amount").path("amount").asText()).isEqualTo("14.50");
        assertThat(done.path("amount").path("currency").asText()).isEqualTo("USD");
        assertThat(api.get("/tickets/" + id + "/actions", token).json().path("actions")).hasSize(1);

        BrowserPage page = Console.ticket(system, "agent-" + SOUTH, SOUTH, id);
        Console.showsActionState(page, id, actionId, "COMPLETED");
    }

    @Test
    @DisplayName("a refund Amazon rejects ends FAILED with Amazon's text, in the API and in the console")
    void aRefundAmazonRejectsEndsFailedVisibly() {
        String token = agentToken(NORTH);
        String order = "028-5100004-0000004";
        String id = amazonTicket(token, NORTH, "A1PA6795UKMFR9", order, "p0o9i8u7y6t5r4e@marketplace.amazon.de",
                "Die Vase hat einen Sprung. Erstattung bitte.");
        Api.Response accepted = api.post("/tickets/" + id + "/refunds", token,
                Map.of("orderId", order, "reason", "CustomerReturn", "full", true), "journey-rejected-" + System.nanoTime());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String actionId = accepted.json().path("actionId").asText();
        JsonNode done = finalAction(token, id, actionId);
        assertThat(done.path("state").asText()).isEqualTo("FAILED");
        assertThat(done.path("done").asBoolean()).isFalse();
        assertThat(done.path("error").asText()).contains("refund amount exceeds");

        BrowserPage page = Console.ticket(system, "agent-" + NORTH, NORTH, id);
        Console.showsActionState(page, id, actionId, "FAILED");
        assertThat(page.text("#actions-list li[data-action-id='" + actionId + "']")).contains("refund amount exceeds");
    }

    @Test
    @DisplayName("partial refund from the console: the order's items with their ids and prices, currency from the order, the amount confirmed")
    void aPartialRefundFromTheConsole() {
        String token = agentToken(SOUTH);
        String order = "113-5200003-0000003";
        String id = amazonTicket(token, SOUTH, "ATVPDKIKX0DER", order, "k1j2h3g4f5d6s7a@marketplace.amazon.com",
                "The candles arrived melted. Partial refund please.");
        BrowserPage page = Console.ticket(system, "agent-" + SOUTH, SOUTH, id);
        String summary = Console.confirmAction(page, "#btn-refund", p -> {
            p.click("input[name=refund-kind][value=partial]");
            p.waitFor("the order's items to choose from", "[...document.querySelectorAll('#refund-item option')]"
                    + ".some(o => o.value === '52000000000031')");
            assertThat(p.evaluate("document.getElementById('refund-currency').value").asText()).isEqualTo("USD");
            p.type("#refund-amount", "5.00");
        }, 1);
        assertThat(summary).contains("USD 5.00");
        String actionId = recordedActions(token, id).get(0).path("actionId").asText();
        assertThat(finalAction(token, id, actionId).path("state").asText()).isEqualTo("COMPLETED");
        Console.dismissAction(page);
        Console.showsActionState(page, id, actionId, "COMPLETED");
    }

    @Test
    @DisplayName("the refund dialog shows the final state, not 'Waiting for Amazon…', once Amazon confirmed")
    void theRefundDialogShowsTheFinalState() {
        String token = agentToken(NORTH);
        String order = "028-5100005-0000005";
        String id = amazonTicket(token, NORTH, "A1PA6795UKMFR9", order, "u1i2o3p4a5s6d7f@marketplace.amazon.de",
                "Der Teller hat einen Riss.");
        BrowserPage page = Console.ticket(system, "agent-" + NORTH, NORTH, id);
        Console.confirmAction(page, "#btn-refund", p -> { }, 1);
        String actionId = recordedActions(token, id).get(0).path("actionId").asText();
        assertThat(finalAction(token, id, actionId).path("state").asText()).isEqualTo("COMPLETED");
        page.waitFor("the final state in the dialog", "document.getElementById('action-state').textContent.toUpperCase() === 'COMPLETED'"
                + " && !document.getElementById('action-state-detail').textContent.includes('Waiting for Amazon')");
    }

    @Test
    @DisplayName("a refund for a seller without SP-API access is refused with a problem (no 5xx) and changes nothing")
    void aRefundWithoutSpApiAccessIsRefusedCleanly() {
        String token = agentToken(UNAUTHORISED);
        String externalId = intake.channelMessage(token, "amazon", UNAUTHORISED, "A1PA6795UKMFR9", null, "028-5100002-0000002",
                "n0m9b8v7c6x5z4a@marketplace.amazon.de", "Refund", "Bitte erstatten.");
        String id = ticketWithMessage(token, externalId).path("id").asText();
        refused(token, "a refund without SP-API access", () -> api.post("/tickets/" + id + "/refunds", token,
                Map.of("orderId", "028-5100002-0000002", "reason", "CustomerReturn", "full", true), "journey-nospapi-" + System.nanoTime()));
        refused(token, "a cancellation without SP-API access", () -> api.post("/tickets/" + id + "/cancellation", token,
                Map.of("orderId", "028-5100002-0000002", "reason", "BuyerCanceled"), "journey-nospapi-" + System.nanoTime()));
    }

    static Map<String, Object> partial(String order, String item, String amount) {
        return Map.of("orderId", order, "reason", "CustomerReturn", "full", false, "lines", List.of(Map.of("orderItemId", item,
                "quantity", 1, "components", List.of(Map.of("component", "PRINCIPAL", "amount", amount, "currency", "USD")))));
    }
}
