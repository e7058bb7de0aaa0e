package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Agent accountability (issue 13) for its own seller (journey-agent-metrics, Amazon seller account A1JOURNEYMETRICS):
 * each agent's refunds and cancellations with how they ended, in {@code GET /metrics/agents} and on the lead's team
 * page.
 */
class AgentMetricsJourneyTest extends Journey {
    private static final String SELLER = "journey-agent-metrics";
    private static final String AGENT_A = "agent-a-" + SELLER;
    private static final String AGENT_B = "agent-b-" + SELLER;

    @Test
    @DisplayName("agent A's refund completes, agent B's cancellation Amazon refuses: each agent's requests and outcomes, counted once, in the API and on the team page")
    void eachAgentsRefundsAndCancellationsWithTheirOutcome() {
        String a = api.token(AGENT_A, SELLER, false);
        String b = api.token(AGENT_B, SELLER, false);
        String refundOrder = "028-5600001-0000001";
        String cancelOrder = "028-5600002-0000002";
        // both buyers write at once; then each ticket once intake made it and its order context is in
        String refundMessage = intake.channelMessage(a, "amazon", SELLER, "A1PA6795UKMFR9", null, refundOrder,
                "m1e2t3r4i5c6s7a@marketplace.amazon.de", "Order " + refundOrder, "Der Wasserkocher ist undicht, bitte erstatten.");
        String cancelMessage = intake.channelMessage(b, "amazon", SELLER, "A1PA6795UKMFR9", null, cancelOrder,
                "m1e2t3r4i5c6s7b@marketplace.amazon.de", "Order " + cancelOrder, "Bitte stornieren Sie meine Bestellung, ich habe mich vertan.");
        String refundTicket = ticketWithMessage(a, refundMessage).path("id").asText();
        String cancelTicket = ticketWithMessage(b, cancelMessage).path("id").asText();
        withContext(a, refundTicket);
        withContext(b, cancelTicket);

        String key = "journey-metrics-refund-" + System.nanoTime();
        Api.Response refund = api.post("/tickets/" + refundTicket + "/refunds", a,
                Map.of("orderId", refundOrder, "reason", "CustomerReturn", "full", true), key);
        assertThat(refund.status()).as(refund.toString()).isEqualTo(202);
        Api.Response again = api.post("/tickets/" + refundTicket + "/refunds", a,
                Map.of("orderId", refundOrder, "reason", "CustomerReturn", "full", true), key);
        assertThat(again.header("idempotent-replayed")).as("the double click").isEqualTo("true");
        Api.Response cancel = api.post("/tickets/" + cancelTicket + "/cancellation", b,
                Map.of("orderId", cancelOrder, "reason", "BuyerCanceled"), "journey-metrics-cancel-" + System.nanoTime());
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);

        assertThat(finalAction(a, refundTicket, refund.json().path("actionId").asText()).path("state").asText()).isEqualTo("COMPLETED");
        JsonNode cancelled = finalAction(b, cancelTicket, cancel.json().path("actionId").asText());
        assertThat(cancelled.path("state").asText()).as(cancelled.toString()).isEqualTo("FAILED");

        String lead = api.token("lead-" + SELLER, SELLER, true);
        JsonNode agents = api.get("/metrics/agents", lead).json().path("agents");
        assertThat(row(agents, AGENT_A).path("actions").path("REFUND").toString()).as(agents.toString())
                .isEqualTo("{\"requested\":1,\"completed\":1,\"failed\":0,\"rejected\":0,\"open\":0}");
        assertThat(row(agents, AGENT_A).path("actions").has("CANCELLATION")).isFalse();
        assertThat(row(agents, AGENT_B).path("actions").path("CANCELLATION").toString()).as(agents.toString())
                .isEqualTo("{\"requested\":1,\"completed\":0,\"failed\":1,\"rejected\":0,\"open\":0}");
        assertThat(row(agents, AGENT_B).path("actions").has("REFUND")).isFalse();

        BrowserPage page = Console.signIn(system, "lead-" + SELLER, SELLER, true);
        Console.open(page, "#/team", "team");
        String rowA = "#team-agents-table tr[data-agent=" + BrowserPage.quoted(AGENT_A) + "]";
        String rowB = "#team-agents-table tr[data-agent=" + BrowserPage.quoted(AGENT_B) + "]";
        page.waitFor("agent A's row", "document.querySelector(" + BrowserPage.quoted(rowA) + ") !== null");
        assertThat(page.text(rowA + " .refunds-requested")).isEqualTo("1");
        assertThat(page.text(rowA + " .refunds-completed")).isEqualTo("1");
        assertThat(page.text(rowA + " .refunds-open")).isEqualTo("0");
        assertThat(page.text(rowA + " .cancellations-requested")).isEqualTo("0");
        assertThat(page.text(rowB + " .cancellations-requested")).isEqualTo("1");
        assertThat(page.text(rowB + " .cancellations-failedOrRejected")).isEqualTo("1");
        assertThat(page.text(rowB + " .cancellations-completed")).isEqualTo("0");
    }

    private static JsonNode row(JsonNode agents, String agent) {
        for (JsonNode a : agents) {
            if (agent.equals(a.path("agentId").asText())) {
                return a;
            }
        }
        throw new AssertionError("no row for " + agent + " in " + agents);
    }
}
