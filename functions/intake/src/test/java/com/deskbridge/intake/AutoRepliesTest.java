package com.deskbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.settings.DynamoDbSellerSettings;
import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The intake function with automatic replies, against DynamoDB Local and ElasticMQ at a fixed Saturday: the weekend
 * acknowledgement is recorded as automatic (Amazon's clock keeps running), handed to the sender once, and a second
 * message of the same waiting period gets none.
 */
class AutoRepliesTest {
    /** Saturday 2026-11-21, 12:00 in Berlin. */
    private static final Instant SATURDAY_NOON = Instant.parse("2026-11-21T11:00:00Z");
    private static LocalAwsStack stack;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml")).stackName("auto-reply-test")
                .pollers(false).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private IntakeHandler handler(Clock clock) {
        // channel envelopes never touch S3: a client for an address nothing listens on is enough
        var s3 = software.amazon.awssdk.services.s3.S3Client.builder().region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .endpointOverride(java.net.URI.create("http://127.0.0.1:9")).build();
        return new IntakeHandler(IntakeWiring.of(stack.dynamoDbClient(), s3, stack.sqsClient(), stack.tableName("TicketsTable"),
                stack.queueUrl("IntakeDeadLetterQueue"), stack.queueUrl("OutboundQueue"), Duration.ofDays(30),
                "Europe/Berlin", clock));
    }

    private static String envelope(String seller, String id, Instant at, String body) {
        return """
                {"version":1,"type":"channel-message","channel":"amazon","sellerId":"%s","marketplaceId":"A1PA6795UKMFR9",
                 "externalMessageId":"%s","orderId":"028-1234567-1234567",
                 "sender":{"address":"k3j4h5@marketplace.amazon.de","displayName":"Jana Beispiel - Amazon Marketplace"},
                 "subject":"Bestellung 028-1234567-1234567","body":"%s","receivedAt":"%s"}""".formatted(seller, id, body, at);
    }

    private static SQSEvent event(String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId("m-" + System.nanoTime());
        m.setBody(body);
        m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(m));
        return e;
    }

    @Test
    void aWeekendMessageGetsOneAcknowledgementThatLeavesTheClockRunning() {
        String seller = "auto-seller-" + System.nanoTime();
        new DynamoDbSellerSettings(stack.dynamoDbClient(), stack.tableName("TicketsTable"), Clock.systemUTC())
                .save(new SellerId(seller), SellerSetting.REPLY_SETTINGS,
                        "{\"shopName\":\"Nordlicht Textil\",\"defaultLanguage\":\"de\"}", "lead-1");
        Clock clock = Clock.fixed(SATURDAY_NOON, ZoneOffset.UTC);
        IntakeHandler intake = handler(clock);

        intake.handleRequest(event(envelope(seller, "ext-1", SATURDAY_NOON.minusSeconds(300),
                "Hallo, wann wird meine Bestellung verschickt?")), null);
        intake.handleRequest(event(envelope(seller, "ext-2", SATURDAY_NOON.minusSeconds(60),
                "Noch eine Frage: kann ich die Farbe ändern?")), null);

        var store = new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        var open = store.list(new SellerId(seller), com.deskbridge.domain.ticket.TicketFilter.status(TicketStatus.OPEN), 10, null,
                SATURDAY_NOON).items();
        assertThat(open).hasSize(1);
        TicketDetail ticket = store.find(new SellerId(seller), open.get(0).id(), SATURDAY_NOON).orElseThrow();
        List<TicketMessage> automatic = ticket.messages().stream().filter(m -> m.direction() == Direction.OUT).toList();
        assertThat(automatic).singleElement().satisfies(m -> {
            assertThat(m.automatic()).isTrue();
            assertThat(m.sendStatus()).isEqualTo(SendStatus.QUEUED);
            assertThat(m.body()).contains("Montag").contains("Nordlicht Textil");
        });
        assertThat(ticket.ticket().status()).as("an acknowledgement does not answer the buyer").isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.ticket().awaitingReplySince()).isEqualTo(SATURDAY_NOON.minusSeconds(300));

        List<Message> handedOver = stack.sqsClient().receiveMessage(r -> r.queueUrl(stack.queueUrl("OutboundQueue"))
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(handedOver).singleElement().satisfies(m -> assertThat(m.body()).contains(automatic.get(0).messageKey()));
    }

    @Test
    void sellersWithoutReplySettingsGetNoAutomaticReply() {
        String seller = "quiet-seller-" + System.nanoTime();
        handler(Clock.fixed(SATURDAY_NOON, ZoneOffset.UTC)).handleRequest(event(envelope(seller, "ext-1",
                SATURDAY_NOON.minusSeconds(60), "Hallo?")), null);
        var store = new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        var open = store.list(new SellerId(seller), com.deskbridge.domain.ticket.TicketFilter.status(TicketStatus.OPEN), 10, null,
                SATURDAY_NOON).items();
        assertThat(store.find(new SellerId(seller), open.get(0).id(), SATURDAY_NOON).orElseThrow().messages())
                .allMatch(m -> m.direction() == Direction.IN);
    }
}
