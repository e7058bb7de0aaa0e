package com.deskbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.domain.port.EnrichmentTrigger;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.testing.SqsRecords;
import static com.deskbridge.testing.SqsRecords.event;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Messages that name an order ask for the ticket's context, once per batch and together; when that hand-over fails,
 * exactly those messages are delivered again (storing them again is a no-op, and they ask again).
 */
class ContextRequestsTest {
    private static LocalAwsStack stack;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml")).stackName("context-requests")
                .pollers(false).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static IntakeHandler handler(EnrichmentTrigger trigger) {
        S3Client s3 = S3Client.builder().region(Region.EU_WEST_1).endpointOverride(URI.create("http://127.0.0.1:9")).build();
        return new IntakeHandler(IntakeWiring.of(stack.dynamoDbClient(), s3, stack.sqsClient(), stack.tableName("TicketsTable"),
                stack.queueUrl("IntakeDeadLetterQueue"), stack.queueUrl("OutboundQueue"), Duration.ofDays(30), "Europe/Berlin",
                Clock.systemUTC()).withEnrichment(trigger));
    }

    private static SQSEvent.SQSMessage record(String id, String seller, String orderId) {
        return record(id, seller, orderId, "amazon");
    }

    private static SQSEvent.SQSMessage record(String id, String seller, String orderId, String channel) {
        return SqsRecords.record(id, """
                {"version":1,"type":"channel-message","channel":"%s","sellerId":"%s","marketplaceId":"A1PA6795UKMFR9",
                 "externalMessageId":"%s",%s"sender":{"address":"k3j4h5@marketplace.amazon.de"},"subject":"Parcel",
                 "body":"Where is it?","receivedAt":"2026-11-21T09:15:00Z"}""".formatted(channel, seller, id,
                orderId == null ? "" : "\"orderId\":\"" + orderId + "\","), 1);
    }

    /** A trigger that records each batch's requests and refuses single ones (intake asks once per batch). */
    private static EnrichmentTrigger recording(List<List<EnrichmentTrigger.Request>> calls) {
        return new EnrichmentTrigger() {
            @Override
            public void enrich(com.deskbridge.domain.ticket.SellerId s, com.deskbridge.domain.ticket.TicketId t, String o,
                               String m, Reason r) {
                throw new AssertionError("one call per batch expected");
            }

            @Override
            public void enrichAll(List<Request> requests) {
                calls.add(requests);
            }
        };
    }

    @Test
    void theBatchsContextRequestsGoTogether() {
        String seller = "ctx-" + System.nanoTime();
        List<List<EnrichmentTrigger.Request>> calls = new ArrayList<>();
        SQSBatchResponse response = handler(recording(calls)).handleRequest(event(record("a1", seller, "028-1111111-1111111"),
                record("a2", seller, null), record("a3", seller, "028-2222222-2222222")), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(calls).singleElement().satisfies(requests -> assertThat(requests)
                .extracting(EnrichmentTrigger.Request::orderId).containsExactly("028-1111111-1111111", "028-2222222-2222222"));
    }

    /** Issue 15: a Shopify (or e-mail) message naming no order asks enrichment to look for its order at the store. */
    @Test
    void aShopifyMessageNamingNoOrderAsksForItsOrderToBeLinked() {
        String seller = "ctx-link-" + System.nanoTime();
        List<List<EnrichmentTrigger.Request>> calls = new ArrayList<>();
        SQSBatchResponse response = handler(recording(calls)).handleRequest(event(record("l1", seller, null, "shopify"),
                record("l2", seller, null)), null);
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(calls).singleElement().satisfies(requests -> assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(EnrichmentTrigger.Reason.LINK_ORDER);
            assertThat(r.orderId()).isNull();
            assertThat(r.seller().value()).isEqualTo(seller);
        }));
    }

    @Test
    void aFailedHandOverRedeliversExactlyTheMessagesThatAsked() {
        String seller = "ctx-fail-" + System.nanoTime();
        EnrichmentTrigger down = (s, t, o, m, r) -> {
            throw new IllegalStateException("enrichment queue unavailable");
        };
        SQSBatchResponse response = handler(down).handleRequest(event(record("b1", seller, "028-3333333-3333333"),
                record("b2", seller, null)), null);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("b1");
    }
    /**
     * Issue 14 (Operations): the buyer message's id is the correlation id of everything it starts: every line intake
     * logs for it carries it (and no buyer text), the new ticket stores it and the enrichment request passes it on.
     */
    @Test
    void theMessagesIdIsOnEveryLineOnTheTicketAndOnItsEnrichmentRequest() throws Exception {
        String seller = "ctx-corr-" + System.nanoTime();
        String messageId = "c1-" + System.nanoTime();
        List<List<EnrichmentTrigger.Request>> calls = new ArrayList<>();
        IntakeHandler handler = handler(recording(calls));
        List<String> lines;
        try (com.deskbridge.adapters.logging.JsonLogging.Capture capture = com.deskbridge.adapters.logging.JsonLogging.capture()) {
            assertThat(handler.handleRequest(event(record(messageId, seller, "028-4444444-4444444")), null)
                    .getBatchItemFailures()).isEmpty();
            lines = capture.lines();
        }

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(json.readTree(line).path("correlationId").asText()).isEqualTo(messageId);
            assertThat(line).doesNotContain("Where is it?");
        });
        EnrichmentTrigger.Request request = calls.get(0).get(0);
        assertThat(request.correlationId()).isEqualTo(messageId);
        assertThat(new com.deskbridge.adapters.dynamodb.DynamoDbTicketCorrelations(stack.dynamoDbClient(),
                stack.tableName("TicketsTable")).of(request.seller(), request.ticket())).contains(messageId);
        assertThat(com.deskbridge.adapters.logging.Correlation.current()).isEmpty();
    }
}
