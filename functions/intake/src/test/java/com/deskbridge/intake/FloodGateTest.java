package com.deskbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.testing.SqsRecords;
import static com.deskbridge.testing.SqsRecords.event;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The flood gate against DynamoDB Local and ElasticMQ: a seller's messages beyond its share go to the overflow queue
 * unchanged and still become tickets there, with the receive time checked against when the intake queue first got
 * them; other sellers are not held up; and only the overflow queue's function believes that time.
 */
class FloodGateTest {
    private static LocalAwsStack stack;
    private static final Clock CLOCK = Clock.systemUTC();

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml")).stackName("flood-gate")
                .pollers(false).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static IntakeWiring wiring() {
        S3Client s3 = S3Client.builder().region(Region.EU_WEST_1).endpointOverride(URI.create("http://127.0.0.1:9")).build();
        return IntakeWiring.of(stack.dynamoDbClient(), s3, stack.sqsClient(), stack.tableName("TicketsTable"),
                stack.queueUrl("IntakeDeadLetterQueue"), stack.queueUrl("OutboundQueue"), Duration.ofDays(30),
                "Europe/Berlin", CLOCK);
    }

    private static IntakeHandler gated(int share) {
        return new IntakeHandler(wiring(), IntakeGuards.NONE.withFloodGate(
                IntakeGuards.sharesIn(stack.dynamoDbClient(), stack.tableName("TicketsTable")),
                IntakeGuards.overflowQueue(stack.sqsClient(), stack.queueUrl("IntakeOverflowQueue")), share, CLOCK));
    }

    private static IntakeHandler overflow() {
        return new IntakeHandler(wiring(), IntakeGuards.NONE.forOverflow());
    }

    static SQSEvent.SQSMessage record(String seller, String id, Instant sent, Instant claimed) {
        return SqsRecords.record(id, """
                {"version":1,"type":"channel-message","channel":"ebay","sellerId":"%s","externalMessageId":"%s",
                 "threadKey":"%s","sender":{"address":"buyer_%s"},"body":"Where is it?","receivedAt":"%s"}"""
                .formatted(seller, id, id, id, claimed), 1, sent);
    }

    private static List<TicketSummary> open(String seller) {
        return new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"))
                .list(new SellerId(seller), TicketFilter.status(TicketStatus.OPEN), 100, null, Instant.now()).items();
    }

    /** The overflow queue's messages as the overflow function's event source would deliver them. */
    private static List<SQSEvent.SQSMessage> drainOverflow() {
        List<SQSEvent.SQSMessage> out = new ArrayList<>();
        String url = stack.queueUrl("IntakeOverflowQueue");
        List<Message> got;
        do {
            got = stack.sqsClient().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).messageAttributeNames("All")
                    .messageSystemAttributeNames(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.ALL)).messages();
            for (Message m : got) {
                SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
                r.setMessageId(m.messageId());
                r.setBody(m.body());
                r.setAttributes(m.attributesAsStrings());
                Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
                m.messageAttributes().forEach((name, v) -> {
                    SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
                    a.setDataType(v.dataType());
                    a.setStringValue(v.stringValue());
                    attributes.put(name, a);
                });
                r.setMessageAttributes(attributes);
                out.add(r);
                stack.sqsClient().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        } while (!got.isEmpty());
        return out;
    }

    @Test
    void aSellerOverItsShareGoesToTheOverflowQueueAndStillBecomesTickets() {
        long n = System.nanoTime();
        String flooder = "flood-a-" + n;
        String quiet = "quiet-b-" + n;
        Instant sent = Instant.now().minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // long ago, so a wrong clamp would show
        Instant claimed = sent.minus(Duration.ofHours(1));
        List<SQSEvent.SQSMessage> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(record(flooder, "a" + i + "-" + n, sent, claimed));
        }
        batch.add(record(quiet, "b-" + n, sent, claimed));

        SQSBatchResponse response = gated(5).handleRequest(event(batch), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(open(quiet)).hasSize(1);
        assertThat(open(flooder)).hasSize(5);
        List<SQSEvent.SQSMessage> forwarded = drainOverflow();
        assertThat(forwarded).hasSize(3).allSatisfy(r -> {
            assertThat(r.getBody()).contains(flooder);
            assertThat(r.getMessageAttributes().get(OverflowQueue.QUEUED_AT).getStringValue())
                    .isEqualTo(Long.toString(sent.toEpochMilli()));
        });

        assertThat(overflow().handleRequest(event(forwarded), null).getBatchItemFailures()).isEmpty();

        List<TicketSummary> all = open(flooder);
        assertThat(all).hasSize(8);
        assertThat(all).allSatisfy(t -> assertThat(t.awaitingReplySince())
                .as("checked against when the intake queue got it, not the overflow queue").isEqualTo(claimed));
    }

    @Test
    void theIntakeQueueDoesNotBelieveAForwardedTime() {
        String seller = "forger-" + System.nanoTime();
        Instant sent = Instant.now();
        SQSEvent.SQSMessage forged = record(seller, "forged-" + System.nanoTime(), sent, Instant.parse("2100-01-01T00:00:00Z"));
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType("Number");
        attribute.setStringValue(Long.toString(Instant.parse("2100-01-01T00:00:00Z").toEpochMilli()));
        forged.setMessageAttributes(Map.of(OverflowQueue.QUEUED_AT, attribute));

        assertThat(gated(100).handleRequest(event(List.of(forged)), null).getBatchItemFailures()).isEmpty();

        TicketSummary ticket = open(seller).get(0);
        assertThat(ticket.awaitingReplySince()).isBefore(sent.plus(Duration.ofMinutes(6)));
        TicketDetail detail = new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"))
                .find(new SellerId(seller), ticket.id(), Instant.now()).orElseThrow();
        assertThat(detail.messages()).hasSize(1);
    }
}
