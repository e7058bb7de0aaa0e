package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A reply the buyer's relay refuses for good (SMTP 550) never leaves the clock stopped: the ticket comes back to the
 * open queue, due now, with the failure on it (issue 12 failure 2, issue 10 item 2), through the public surfaces only.
 */
class FailedReplyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private static JsonNode get(String path, String token) {
        try {
            HttpResponse<String> r = RunningSystem.get(path, token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReplyRefusedWith550ReappearsInTheOpenQueueWithTheFailureShown() throws Exception {
        LocalRunner system = RunningSystem.get();
        String seller = "refused-" + System.nanoTime();
        String token = system.token("agent-refused", seller, Duration.ofMinutes(10));
        String alias = "r" + Long.toString(System.nanoTime(), 36) + "@marketplace.amazon.de";
        system.mail().refuse(alias, "550 5.1.1 <" + alias + ">: mailbox unavailable");
        system.stack().sqsClient().sendMessage(m -> m.queueUrl(system.stack().queueUrl("IntakeQueue")).messageBody("""
                {"version":1,"type":"channel-message","channel":"amazon","sellerId":"%s","marketplaceId":"A1PA6795UKMFR9",
                 "externalMessageId":"refused-1","orderId":"028-4711001-0000001",
                 "sender":{"address":"%s"},"subject":"Wo ist mein Paket?",
                 "body":"Wo ist mein Paket?","receivedAt":"%s"}""".formatted(seller, alias, java.time.Instant.now())));
        JsonNode open = RunningSystem.await(() -> get("/tickets?status=open", token).get("items"), i -> i.size() == 1, LIMIT);
        String id = open.get(0).get("id").asText();

        HttpResponse<String> reply = RunningSystem.send(HttpRequest.newBuilder(
                        URI.create(system.api().baseUrl() + "/tickets/" + id + "/replies"))
                .header("Authorization", "Bearer " + token).header("content-type", "application/json")
                .header("Idempotency-Key", "refused-reply-0001")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Ihr Paket ist unterwegs, DHL 00340434161094042557.\"}"))
                .build());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);

        JsonNode queue = RunningSystem.await(() -> get("/tickets?status=open", token).get("items"),
                i -> i.size() == 1 && i.get(0).has("sendFailure"), LIMIT);
        JsonNode ticket = queue.get(0);
        assertThat(ticket.get("id").asText()).isEqualTo(id);
        assertThat(ticket.get("status").asText()).isEqualTo("open");
        assertThat(ticket.get("priority").asText()).isEqualTo("HIGH");
        assertThat(ticket.get("sendFailure").get("reason").asText()).contains("550");
        assertThat(ticket.has("dueAt")).isTrue();
        JsonNode detail = get("/tickets/" + id, token);
        assertThat(detail.get("sendFailure").get("messageKey").asText()).isEqualTo(detail.get("messages").get(1).get("id").asText());
        assertThat(detail.get("messages").get(1).get("sendStatus").asText()).isEqualTo("failed");
        assertThat(get("/tickets?status=pending", token).get("items")).isEmpty();
        assertThat(system.mail().received()).noneSatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo(alias));
    }
}
