package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.testing.HostileMail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Hostile mail against the running local system, through its public surfaces only (the raw-mail bucket, the
 * intake queue, the HTTP API, the DLQ): one seller's mail cannot hurt another's (issue 12).
 */
class HostileIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static LocalRunner system;
    private static SqsClient sqs;
    private static String bucket;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
        sqs = system.stack().sqsClient();
        bucket = system.stack().model().buckets().stream().filter(b -> b.logicalId().equals("RawMailBucket")).findFirst()
                .orElseThrow().name();
    }

    static JsonNode openTickets(String seller) {
        try {
            var r = RunningSystem.get("/tickets?status=open", system.token("agent-hostile", seller, Duration.ofMinutes(10)));
            assertThat(r.statusCode()).isEqualTo(200);
            return JSON.readTree(r.body()).get("items");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The notification S3 sends for a relay mail SES stored, after storing it. */
    static String stored(String seller, String name, byte[] mail) {
        String key = "relay/" + seller + "/" + name;
        system.s3().client().putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(mail));
        return Envelopes.s3Created(bucket, key);
    }

    static byte[] relayMail(String seller) {
        return Envelopes.relayMail("hostile-" + seller, "028-1234567-7654321").getBytes(StandardCharsets.UTF_8);
    }

    /** The intake DLQ's messages whose body contains {@code marker} (taken off the queue), waiting for {@code expected}. */
    static List<Message> deadLettered(String marker, int expected) throws InterruptedException {
        String dlq = system.stack().queueUrl("IntakeDeadLetterQueue");
        List<Message> seen = new ArrayList<>();
        RunningSystem.await(() -> {
            for (Message m : sqs.receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageAttributeNames("All")).messages()) {
                if (m.body().contains(marker)) {
                    seen.add(m);
                    sqs.deleteMessage(d -> d.queueUrl(dlq).receiptHandle(m.receiptHandle()));
                } else {
                    sqs.changeMessageVisibility(c -> c.queueUrl(dlq).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                }
            }
            return seen.size();
        }, n -> n >= expected, LIMIT);
        return seen;
    }

    @Test
    void aMimeBombInOneBatchHurtsNoOtherSeller() throws Exception {
        long n = System.nanoTime();
        String attacker = "eve-" + n;
        String b = "shop-b-" + n;
        String c = "shop-c-" + n;
        List<String> bodies = List.of(
                stored(attacker, "bomb-20000", HostileMail.nestedMultiparts("evebomb00000001", "bomb1-" + n, 20_000)),
                stored(b, "m1", relayMail(b)),
                stored(attacker, "bomb-3500", HostileMail.nestedMultiparts("evebomb00000002", "bomb2-" + n, 3_500)),
                stored(c, "m1", relayMail(c)));
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(bodies.get(i)).build());
        }
        long start = System.nanoTime();
        sqs.sendMessageBatch(r -> r.queueUrl(system.stack().queueUrl("IntakeQueue")).entries(entries));

        assertThat(RunningSystem.await(() -> openTickets(b), t -> t.size() == 1, LIMIT)).hasSize(1);
        assertThat(RunningSystem.await(() -> openTickets(c), t -> t.size() == 1, LIMIT)).hasSize(1);
        System.out.printf("[hostile] two sellers' mail beside a MIME bomb: tickets in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        List<Message> dead = deadLettered(attacker, 2);
        assertThat(dead).hasSize(2).allSatisfy(m -> {
            assertThat(m.messageAttributes().get(DeadLetterQueue.REASON).stringValue()).contains("nested more than 32 levels");
            assertThat(m.messageAttributes()).containsKey(DeadLetterQueue.SOURCE_MESSAGE_ID);
        });
        assertThat(openTickets(attacker)).isEmpty();
    }

    @Test
    void controlAndBidiCharactersFromABuyerAreNotServed() throws Exception {
        String seller = "bidi-" + System.nanoTime();
        String body = JSON.createObjectNode()
                .put("version", 1).put("type", "channel-message").put("channel", "ebay").put("sellerId", seller)
                .put("externalMessageId", "bidi-1").put("threadKey", "bidi-thread")
                .put("subject", "Refund\u202E\u0000 now\u200B").put("body", "Pay\u0000 me\u202Eolleh\u2066")
                .put("receivedAt", java.time.Instant.now().toString())
                .set("sender", JSON.createObjectNode().put("address", "buyer_bidi").put("displayName", "Eve\u202Enimda"))
                .toString();
        sqs.sendMessage(m -> m.queueUrl(system.stack().queueUrl("IntakeQueue")).messageBody(body));

        JsonNode items = RunningSystem.await(() -> openTickets(seller), t -> t.size() == 1, LIMIT);
        var detail = RunningSystem.get("/tickets/" + items.get(0).get("id").asText(),
                system.token("agent-hostile", seller, Duration.ofMinutes(10)));
        assertThat(detail.body()).doesNotContain("\\u202e", "\\u0000", "\\u200b", "\\u2066", "\u202E", "\u200B");
        JsonNode ticket = JSON.readTree(detail.body());
        assertThat(ticket.get("subject").asText()).isEqualTo("Refund now");
        assertThat(ticket.get("messages").get(0).get("body").asText()).isEqualTo("Pay meolleh");
        assertThat(ticket.get("messages").get(0).get("fromName").asText()).isEqualTo("Evenimda");
    }
}
