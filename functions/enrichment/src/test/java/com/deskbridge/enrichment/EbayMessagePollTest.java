package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.ebay.EbayAccount;
import com.deskbridge.ebay.EbayCallLimits;
import com.deskbridge.ebay.EbayClient;
import com.deskbridge.ebay.EbayEndpoints;
import com.deskbridge.ebay.EbayInbox;
import com.deskbridge.http.Backoff;
import com.deskbridge.http.SecretSource;
import com.deskbridge.sim.ebay.EbaySimulator;
import com.deskbridge.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The eBay message poll on real parts: the eBay simulator (demo world, seller {@code demo-seller}) through
 * {@link EbayInbox}, the cursors in DynamoDB Local, the envelopes on an ElasticMQ queue. A seller starts from its first
 * poll; each buyer message reaches the queue once; a poll that failed leaves the cursor where it was, so the next one
 * delivers what the failed one could not.
 */
class EbayMessagePollTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SELLER = "demo-seller";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final EbaySimulator sim;
    private final SqsClient sqs = TestStack.get().sqsClient();
    private final String queue;
    /** A different seller id per test in the shared table, the same eBay account behind it. */
    private final String seller = "ebay-poll-" + TestStack.unique();
    private final DynamoDbPollCursors cursors = new DynamoDbPollCursors(TestStack.get().dynamoDbClient(), TestStack.table());
    private final AtomicInteger failPutsAfter = new AtomicInteger(Integer.MAX_VALUE);

    EbayMessagePollTest() {
        ObjectNode world = (ObjectNode) EbaySimulator.demoWorld();
        ((ObjectNode) world.get("ebay")).put("latencyMs", 0);
        sim = EbaySimulator.start(0, world, clock, n -> { });
        queue = sqs.createQueue(c -> c.queueName("ebay-poll-intake-" + seller)).queueUrl();
    }

    @AfterEach
    void close() {
        sim.close();
    }

    private EbayMessagePoll poll() {
        SecretSource secrets = SecretSource.of(Map.of("deskbridge/ebay/" + SELLER, sim.credentials(SELLER)));
        EbayClient client = new EbayClient(HttpClient.newHttpClient(), clock, clock::sleep, secrets, EbayEndpoints.local(sim.baseUrl()),
                new EbayCallLimits(clock), new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), 1, new SplittableRandom(3)), Duration.ofSeconds(1));
        EbayAccount account = new EbayAccount(seller, "deskbridge/ebay/" + SELLER, "deskbridge_demo_de", "EBAY_DE", true);
        EbayInbox inbox = new EbayInbox(client, id -> account, EbayInbox.defaultPlan(5_000), () -> 1, clock);
        SqsChannelIntake sqsIntake = new SqsChannelIntake(sqs, queue);
        AtomicInteger puts = new AtomicInteger();
        return new EbayMessagePoll(() -> List.of(seller), cursors, inbox, m -> {
            if (puts.incrementAndGet() > failPutsAfter.get()) {
                throw new IllegalStateException("intake queue unavailable (test)");
            }
            sqsIntake.put(m);
        }, clock);
    }

    private List<JsonNode> drain() {
        List<JsonNode> out = new ArrayList<>();
        while (true) {
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (got.isEmpty()) {
                return out;
            }
            for (Message m : got) {
                try {
                    out.add(JSON.readTree(m.body()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                sqs.deleteMessage(d -> d.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        }
    }

    @Test
    void aBuyersNewMessageReachesTheIntakeQueueOnceAsAnEbayEnvelopeWithItsOrder() {
        EbayMessagePoll poll = poll();
        EbayMessagePoll.Report first = poll.run();
        assertThat(first.polled()).isEqualTo(1);
        assertThat(drain()).as("what the seller's eBay inbox held before the first poll is history, not tickets").isEmpty();

        clock.advance(Duration.ofMinutes(3));
        String messageId = sim.buyerWrites("ebay-conv-7781", "Ist das Paket schon unterwegs?");
        EbayMessagePoll.Report second = poll.run();

        assertThat(second.messagesQueued()).isEqualTo(1);
        List<JsonNode> envelopes = drain();
        assertThat(envelopes).singleElement().satisfies(e -> {
            assertThat(e.path("type").asText()).isEqualTo("channel-message");
            assertThat(e.path("version").asInt()).isEqualTo(1);
            assertThat(e.path("channel").asText()).isEqualTo("ebay");
            assertThat(e.path("sellerId").asText()).isEqualTo(seller);
            assertThat(e.path("marketplaceId").asText()).isEqualTo("EBAY_DE");
            assertThat(e.path("externalMessageId").asText()).isEqualTo(messageId);
            assertThat(e.path("threadKey").asText()).isEqualTo("ebay-conv-7781");
            assertThat(e.path("orderId").asText()).as("the buyer's order of the listing").isEqualTo("12-34567-89012");
            assertThat(e.path("sender").path("address").asText()).isEqualTo("k_bergmann");
            assertThat(e.path("body").asText()).isEqualTo("Ist das Paket schon unterwegs?");
            assertThat(Instant.parse(e.path("receivedAt").asText())).isEqualTo(clock.instant());
        });

        assertThat(poll.run().notDue()).as("polled again before the plan's interval: not due").isEqualTo(1);
        clock.advance(Duration.ofMinutes(3));
        EbayMessagePoll.Report third = poll.run();
        assertThat(third.polled()).isEqualTo(1);
        assertThat(drain()).as("nothing fetched twice").isEmpty();
        assertThat(cursors.find(seller)).hasValueSatisfying(s -> {
            assertThat(s.cursor().seen()).contains(messageId);
            assertThat(s.nextPollAt()).isAfter(clock.instant());
        });
    }

    @Test
    void aPollThatFailedLeavesTheCursorSoTheNextPollDeliversWhatItMissed() {
        EbayMessagePoll poll = poll();
        poll.run();
        EbayMessagePoll.State start = cursors.find(seller).orElseThrow();
        clock.advance(Duration.ofMinutes(3));
        String m1 = sim.buyerWrites("ebay-conv-7781", "Erste Frage");
        sim.injectFault("message.getConversations", 503, 1); // one attempt per call here: the poll fails

        EbayMessagePoll.Report failed = poll.run();

        assertThat(failed.failed()).isEqualTo(1);
        assertThat(drain()).isEmpty();
        EbayMessagePoll.State after = cursors.find(seller).orElseThrow();
        assertThat(after.cursor()).as("cursor unchanged").isEqualTo(start.cursor());
        assertThat(after.nextPollAt()).as("deferred, not dropped").isAfter(clock.instant());

        // eBay answers again, but the intake queue fails after the first message of two
        clock.advance(Duration.ofMinutes(10));
        String m2 = sim.buyerWrites("ebay-conv-7782", "Zweite Frage");
        failPutsAfter.set(1);
        assertThat(poll.run().failed()).isEqualTo(1);
        assertThat(cursors.find(seller).orElseThrow().cursor()).as("a half-delivered poll stores no cursor").isEqualTo(start.cursor());

        failPutsAfter.set(Integer.MAX_VALUE);
        EbayMessagePoll.Report recovered = poll.run();
        assertThat(recovered.polled()).isEqualTo(1);
        assertThat(drain()).extracting(e -> e.path("externalMessageId").asText())
                .as("both delivered; the first twice, which intake's de-duplication makes one ticket")
                .containsExactlyInAnyOrder(m1, m1, m2);
    }
}
