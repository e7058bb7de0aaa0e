package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.logging.JsonLogging;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (Operations), through the running local system: one buyer message's id follows it from the intake queue to
 * its ticket, the order and tracking look-up, the agent's reply over the HTTP API and the sender that mails it. The
 * functions' own JSON log lines (as they reach stdout) are read back and followed by that single id; none holds the
 * buyer's or the agent's text.
 */
class CorrelationIdTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void oneIdFollowsTheMessageThroughIntakeEnrichmentTheApiReplyAndTheSender() throws Exception {
        LocalRunner system = RunningSystem.get();
        String seller = "correlation-" + System.nanoTime();
        String token = system.token("agent-correlation", seller, Duration.ofMinutes(10));
        try (JsonLogging.Capture capture = JsonLogging.capture()) {
            String messageId = system.stack().sqsClient().sendMessage(m -> m.queueUrl(system.stack().queueUrl("IntakeQueue"))
                    .messageBody("""
                            {"version":1,"type":"channel-message","channel":"amazon","sellerId":"%s",
                             "marketplaceId":"A1PA6795UKMFR9","externalMessageId":"corr-1","orderId":"028-4711001-0000001",
                             "sender":{"address":"k3j4h5@marketplace.amazon.de"},"subject":"Wo ist mein Paket?",
                             "body":"Wo ist mein Paket? Bitte schnell antworten.","receivedAt":"2026-11-21T09:15:00Z"}"""
                            .formatted(seller))).messageId();
            JsonNode items = RunningSystem.await(() -> list(token), i -> i.size() == 1, LIMIT);
            String id = items.get(0).get("id").asText();
            RunningSystem.await(() -> ticket(id, token),
                    t -> t.path("enrichment").path("state").asText().matches("COMPLETE|PARTIAL|FAILED"), LIMIT);
            HttpResponse<String> reply = RunningSystem.send(HttpRequest.newBuilder(
                            URI.create(system.api().baseUrl() + "/tickets/" + id + "/replies"))
                    .header("Authorization", "Bearer " + token).header("content-type", "application/json")
                    .header("Idempotency-Key", "corr-reply-" + System.nanoTime())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Ihr Paket ist mit DHL unterwegs, "
                            + "Sendungsnummer 00340434161094042557.\"}")).build());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
            RunningSystem.await(() -> ticket(id, token),
                    t -> t.path("messages").size() > 1 && "sent".equals(t.get("messages").get(1).path("sendStatus").asText()),
                    LIMIT);

            List<JsonNode> ours = capture.lines().stream().map(CorrelationIdTest::parse)
                    .filter(l -> messageId.equals(l.path("correlationId").asText())).toList();
            Set<String> loggers = new TreeSet<>();
            ours.forEach(l -> loggers.add(l.get("logger").asText()));
            assertThat(loggers).as("the functions that logged under %s", messageId)
                    .anyMatch(l -> l.startsWith("com.deskbridge.intake."))
                    .anyMatch(l -> l.startsWith("com.deskbridge.enrichment."))
                    .anyMatch(l -> l.startsWith("com.deskbridge.api."))
                    .anyMatch(l -> l.startsWith("com.deskbridge.sender."));
            assertThat(ours).anySatisfy(l -> assertThat(l.get("message").asText()).contains("ticketId=" + id));
            assertThat(capture.lines()).allSatisfy(line -> assertThat(line)
                    .doesNotContain("Bitte schnell antworten").doesNotContain("Sendungsnummer 00340434161094042557"));
        }
    }

    private static JsonNode list(String token) {
        try {
            return JSON.readTree(RunningSystem.get("/tickets?status=open", token).body()).get("items");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ticket(String id, String token) {
        try {
            return JSON.readTree(RunningSystem.get("/tickets/" + id, token).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not one JSON object: " + line, e);
        }
    }
}
