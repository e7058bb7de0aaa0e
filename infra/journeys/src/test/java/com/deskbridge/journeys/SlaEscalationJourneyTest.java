package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * SLA escalation, honestly: a lead sets a one-minute response target (README: PUT /sla-policy), a buyer writes, and
 * nobody answers. The milestones fall due in real time; the runner's documented schedule speed-up
 * ({@code -Dlocal.scheduleSpeedup=6}) only makes the sweep look every 10 s instead of every minute.
 *
 * <p>Its own seller, and it runs beside the other journeys (most of its time is the minute it waits): the suite's
 * time stays small.
 */
@Execution(ExecutionMode.CONCURRENT)
class SlaEscalationJourneyTest extends Journey {
    private static final String SELLER = "journey-sla";

    @Test
    @DisplayName("a one-minute target: at risk, then breached; priority raised, both events on the escalation queue, overdue in the console")
    void anUnansweredTicketEscalatesWhenItsTargetFallsDue() throws IOException {
        String lead = leadToken(SELLER);
        String token = agentToken(SELLER);
        JsonNode previous = api.get("/sla-policy", lead).json();
        ObjectNode tight = Api.JSON.createObjectNode().put("timeZone", "UTC").put("targetInsideMinutes", 1)
                .put("targetOutsideMinutes", 1).put("atRiskShare", 0.5);
        Api.Response stored = api.put("/sla-policy", lead, tight);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        try {
            String externalId = intake.channelMessage(token, "amazon", SELLER, "A1PA6795UKMFR9", null, null,
                    "s5d6f7g8h9j0k1l@marketplace.amazon.com", "Question about sizes", "Do you have this backpack in blue?");
            JsonNode ticket = ticketWithMessage(token, externalId);
            String id = ticket.path("id").asText();
            Instant waiting = Instant.parse(ticket.path("awaitingReplySince").asText());
            Instant due = Instant.parse(ticket.path("dueAt").asText());
            assertThat(due).as("the seller's one-minute target, not Amazon's 24 hours").isBefore(waiting.plus(Duration.ofMinutes(2)));
            assertThat(ticket.path("priority").asText()).isEqualTo("NORMAL");

            Map<String, JsonNode> events = new HashMap<>();
            await("SlaAtRisk and SlaTargetBreached for " + id + " on the escalation queue", () -> {
                escalations(id).forEach(e -> events.put(e.path("detail-type").asText(), e));
                return events.keySet();
            }, types -> types.contains("SlaAtRisk") && types.contains("SlaTargetBreached"), Duration.ofMinutes(3));
            assertThat(events.get("SlaTargetBreached").path("source").asText()).isEqualTo("deskbridge.sla");
            assertThat(events.get("SlaTargetBreached").path("detail").path("sellerId").asText()).isEqualTo(SELLER);
            assertThat(events.get("SlaAtRisk").path("detail").path("eventId").asText())
                    .isNotEqualTo(events.get("SlaTargetBreached").path("detail").path("eventId").asText());

            JsonNode escalated = api.get("/tickets/" + id, token).json();
            assertThat(escalated.path("priority").asText()).isEqualTo("HIGH");
            assertThat(escalated.path("status").asText()).isEqualTo("open");

            BrowserPage page = Console.browser(system).page();
            try {
                Console.browser(system).signIn("agent-" + SELLER, SELLER);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            String row = "#queue-rows tr[data-ticket-id=" + BrowserPage.quoted(id) + "]";
            page.waitFor("the escalated ticket overdue in the queue", "(() => { const r = document.querySelector(" + BrowserPage.quoted(row)
                    + "); return r && r.classList.contains('overdue') && r.textContent.includes('HIGH'); })()");
        } finally {
            Api.Response restored = api.put("/sla-policy", lead, previous.path("policy"));
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
    }

    /** The escalation events for one ticket on the queue (received and deleted); others are left for their readers. */
    private static java.util.List<JsonNode> escalations(String ticketId) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        for (Message m : Intake.sqs().receiveMessage(r -> r.queueUrl(system.escalationQueueUrl()).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages()) {
            JsonNode event;
            try {
                event = Api.JSON.readTree(m.body());
            } catch (IOException e) {
                throw new AssertionError("not an EventBridge event: " + m.body(), e);
            }
            if (ticketId.equals(event.path("detail").path("ticketId").asText())) {
                found.add(event);
                Intake.sqs().deleteMessage(d -> d.queueUrl(system.escalationQueueUrl()).receiptHandle(m.receiptHandle()));
            } else {
                Intake.sqs().changeMessageVisibility(c -> c.queueUrl(system.escalationQueueUrl()).receiptHandle(m.receiptHandle())
                        .visibilityTimeout(0));
            }
        }
        return found;
    }
}
