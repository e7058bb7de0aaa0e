package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testing.HostileMail;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 12, hostile mail and hostile tenants through the running local system: another tenant's MIME bomb is refused
 * while a seller's mail becomes its ticket; a refund above the seller's approval threshold waits for a second person
 * and moves money once.
 */
@ResourceLock(JourneySystem.NORTH)
@ResourceLock(JourneySystem.SOUTH)
class HostileMailJourneyTest extends Journey {

    @Test
    @DisplayName("another tenant's MIME bomb is refused while a seller's relay mail becomes its ticket")
    void aMimeBombOfAnotherTenantIsRefusedWhileTheSellersMailFlows() {
        String attacker = "journey-hostile-" + System.nanoTime();
        String attackerToken = agentToken(attacker);
        String bombId = "bomb-" + System.nanoTime() + "@email.amazonses.com";
        intake.rawMime(attacker, HostileMail.nestedMultiparts("h0s7i1e2b3o4m5b", bombId, 400));

        String token = agentToken(SOUTH);
        String messageId = intake.relayMail(token, SOUTH, "q9w8e7r6t5y4u3i@marketplace.amazon.com", "113-5200001-0000001",
                "Question about order", "Does the backpack fit a 16 inch laptop?");
        JsonNode ticket = ticketWithMessage(token, messageId);
        assertThat(ticket.path("messages").get(0).path("body").asText()).contains("16 inch laptop");

        Tenant attackerTickets = Tenant.snapshot(api, attackerToken);
        assertThat(attackerTickets.ticketCount()).as("the MIME bomb made no ticket").isZero();
        assertThat(attackerTickets.hasMessage(bombId)).isFalse();
    }

    @Test
    @DisplayName("a refund above the approval threshold waits AWAITING_APPROVAL; not the requester, a second lead approves; COMPLETED once")
    void aRefundAboveTheThresholdNeedsASecondPersonAndCompletesOnce() {
        String agent = agentToken(NORTH);
        String lead = leadToken(NORTH);
        String secondLead = api.token("lead2-" + NORTH, NORTH, true);
        String order = "028-5100007-0000007";
        Api.Response controls = api.put("/refund-controls", lead, Map.of("approvalThresholds", Map.of("EUR", "100.00")));
        assertThat(controls.status()).as(controls.toString()).isEqualTo(200);
        try {
            String id = RefundJourneyTest.amazonTicket(agent, NORTH, "A1PA6795UKMFR9", order, "m1n2b3v4c5x6z7l@marketplace.amazon.de",
                    "Die Maschine ist defekt angekommen. Bitte erstatten Sie den vollen Betrag.");
            // a lead asks first (120.00 of 149.00): that lead cannot approve it; the second lead rejects it, nothing moves
            Api.Response leadAsks = api.post("/tickets/" + id + "/refunds", lead, Map.of("orderId", order, "reason", "CustomerReturn",
                    "lines", java.util.List.of(Map.of("orderItemId", "51000000000071", "quantity", 1, "components",
                            java.util.List.of(Map.of("component", "PRINCIPAL", "amount", "120.00", "currency", "EUR"))))),
                    "journey-lead-asks-" + System.nanoTime());
            assertThat(leadAsks.status()).as(leadAsks.toString()).isEqualTo(202);
            assertThat(leadAsks.json().path("state").asText()).isEqualTo("AWAITING_APPROVAL");
            String leadPath = "/tickets/" + id + "/actions/" + leadAsks.json().path("actionId").asText();
            Api.Response selfApproval = api.post(leadPath + "/approve", lead, Map.of());
            assertThat(selfApproval.status()).as(selfApproval.toString()).isEqualTo(403);
            assertThat(selfApproval.json().path("type").asText()).endsWith("second-person-required");
            Api.Response rejected = api.post(leadPath + "/reject", secondLead, Map.of());
            assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
            assertThat(rejected.json().path("state").asText()).isEqualTo("REJECTED");

            // the agent asks for everything (149.00: the rejected refund no longer counts)
            String key = "journey-approval-" + System.nanoTime();
            Api.Response asked = api.post("/tickets/" + id + "/refunds", agent,
                    Map.of("orderId", order, "reason", "CustomerReturn", "full", true), key);
            assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
            assertThat(asked.json().path("state").asText()).isEqualTo("AWAITING_APPROVAL");
            assertThat(asked.json().path("amount").path("amount").asText()).isEqualTo("149.00");
            String actionId = asked.json().path("actionId").asText();
            String path = "/tickets/" + id + "/actions/" + actionId;

            Api.Response agentApproves = api.post(path + "/approve", agent, Map.of());
            assertThat(agentApproves.status()).as("an agent cannot approve: " + agentApproves).isEqualTo(403);
            pause();
            assertThat(api.get(path, agent).json().path("state").asText()).as("no money moved").isEqualTo("AWAITING_APPROVAL");
            assertThat(api.get(path, agent).json().path("feed").isNull()).isTrue();

            Api.Response approved = api.post(path + "/approve", lead, Map.of());
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.json().path("approval").path("decidedBy").asText()).isEqualTo("lead-" + NORTH);
            Api.Response again = api.post(path + "/approve", lead, Map.of());
            assertThat(again.header("idempotent-replayed")).isEqualTo("true");
            assertThat(api.post(path + "/reject", secondLead, Map.of()).status()).as("decided once").isEqualTo(409);

            JsonNode done = finalAction(agent, id, actionId);
            assertThat(done.path("state").asText()).isEqualTo("COMPLETED");
            assertThat(done.path("requestedBy").asText()).isEqualTo("agent-" + NORTH);
            assertThat(api.get("/tickets/" + id + "/actions", agent).json().path("actions")).extracting(a -> a.path("state").asText())
                    .containsExactlyInAnyOrder("REJECTED", "COMPLETED");
            JsonNode evidence = api.get("/tickets/" + id + "/evidence", agent).json();
            assertThat(evidence.path("entries").findValuesAsText("kind")).contains("ACTION_AWAITING_APPROVAL", "ACTION_REJECTED",
                    "ACTION_APPROVED", "ACTION_COMPLETED");
            assertThat(evidence.toString()).contains("\"decidedBy\":\"lead-" + NORTH + "\"")
                    .contains("\"decidedBy\":\"lead2-" + NORTH + "\"");
        } finally {
            api.put("/refund-controls", lead, Map.of("approvalThresholds", Map.of()));
        }
    }
}
