package com.deskbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.s3.LocalS3;
import com.deskbridge.testing.HostileMail;
import com.deskbridge.testing.SqsRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One batch of the intake queue holding a MIME bomb from one seller and ordinary mail from two others, against
 * DynamoDB Local, ElasticMQ and S3Mock: the bombs go to the DLQ with their reason, the others become tickets, and
 * the batch reports no failure (issue 12, failure 1: the bomb used to overflow the stack and send the whole batch
 * round again until everything in it was dead-lettered without a reason).
 */
class HostileBatchTest {
    static final String BUCKET = "raw-mail-hostile-test";
    @TempDir
    static Path s3Root;
    private static LocalAwsStack stack;
    private static LocalS3 s3;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml")).stackName("hostile-batch")
                .pollers(false).start();
        s3 = LocalS3.start(0, s3Root, "eu-west-1");
        s3.createBuckets(List.of(BUCKET));
    }

    @AfterAll
    static void stop() {
        stack.close();
        s3.close();
    }

    private static final java.io.ByteArrayOutputStream SECURITY_LOG = new java.io.ByteArrayOutputStream();

    static IntakeHandler handler() {
        return new IntakeHandler(IntakeWiring.of(stack.dynamoDbClient(), s3.client(), stack.sqsClient(),
                stack.tableName("TicketsTable"), stack.queueUrl("IntakeDeadLetterQueue"), stack.queueUrl("OutboundQueue"),
                Duration.ofDays(30), "Europe/Berlin", Clock.systemUTC()), IntakeGuards.rawMailFrom(BUCKET).withEvents(
                new com.deskbridge.adapters.logging.SecurityEvents(new java.io.PrintStream(SECURITY_LOG, true,
                        StandardCharsets.UTF_8), Clock.systemUTC(), "test")));
    }

    static SQSEvent.SQSMessage record(String id, String body) {
        return SqsRecords.record(id, body, 1, Instant.now());
    }

    static String stored(String seller, String name, byte[] mail) {
        String key = "relay/" + seller + "/" + name;
        s3.client().putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromBytes(mail));
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",
                 "eventTime":"%s","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"%s"},"object":{"key":"%s","size":%d}}}]}"""
                .formatted(Instant.now(), BUCKET, key, mail.length);
    }

    static byte[] relayMail(String alias, String id) {
        return ("From: \"Jana - Amazon Marketplace\" <" + alias + "@marketplace.amazon.de>\r\n"
                + "Subject: Frage zur Bestellung 028-1234567-7654321\r\nMessage-ID: <" + id + "@email.amazonses.com>\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nWann kommt mein Paket?\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static List<TicketSummary> open(String seller) {
        Page<TicketSummary> page = new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"))
                .list(new SellerId(seller), TicketFilter.status(TicketStatus.OPEN), 50, null,
                        Instant.now());
        return page.items();
    }

    @Test
    void theBombsAreDeadLetteredWithTheirReasonAndTheOtherSellersMailBecomesTickets() {
        long n = System.nanoTime();
        String attacker = "attacker-" + n;
        String b = "seller-b-" + n;
        String c = "seller-c-" + n;
        SQSEvent event = SqsRecords.event(List.of(
                record("good-b", stored(b, "m1", relayMail("bbbbbbbbbbbbbbb", "b-" + n))),
                record("bomb-20000", stored(attacker, "bomb1", HostileMail.nestedMultiparts("eve", "bomb1-" + n, 20_000))),
                record("good-c", stored(c, "m1", relayMail("ccccccccccccccc", "c-" + n))),
                record("bomb-3500", stored(attacker, "bomb2", HostileMail.nestedMultiparts("eve", "bomb2-" + n, 3_500)))));

        SQSBatchResponse response = handler().handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).as("nothing in the batch is sent round again").isEmpty();
        assertThat(open(b)).hasSize(1);
        assertThat(open(c)).hasSize(1);
        assertThat(open(attacker)).isEmpty();
        List<Message> dead = deadLetters(attacker);
        assertThat(dead).hasSize(2).allSatisfy(m -> {
            assertThat(m.messageAttributes().get(DeadLetterQueue.REASON).stringValue())
                    .contains("nested more than 32 levels");
            assertThat(m.messageAttributes().get(DeadLetterQueue.SOURCE_MESSAGE_ID).stringValue()).startsWith("bomb-");
        });
        List<String> events = SECURITY_LOG.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(attacker)).toList();
        assertThat(events).as("one security event per refused mail, with its metric").hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("\"type\":\"RelayMailRefused\"", "\"limit\":\"NESTING_DEPTH\"", "\"messageId\":\"bomb-",
                        "\"Namespace\":\"Deskbridge/Security\""));
    }

    private static List<Message> deadLetters(String marker) {
        String dlq = stack.queueUrl("IntakeDeadLetterQueue");
        List<Message> found = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            for (Message m : stack.sqsClient().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)
                    .messageAttributeNames("All").visibilityTimeout(30)).messages()) {
                if (m.body().contains(marker)) {
                    found.add(m);
                }
            }
        }
        return found;
    }
}
