package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.testing.SqsRecords;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS handler: retry visible on the ticket, give-up visible as FAILED, poison to the DLQ with its reason. */
class EnrichmentHandlerTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void snapStartPrimingRunsTheHandlersPathForTheReservedSellerWithoutWritingOrAskingUpstream() {
        f.start();
        EnrichmentWiring w = f.wiring();
        EnrichmentHandler handler = new EnrichmentHandler(w);

        int itemsBefore = items();

        handler.prime();
        handler.prime(); // SnapStartPriming runs it several times

        assertThat(w.store().read(com.deskbridge.adapters.aws.SnapStartPriming.RESERVED_SELLER,
                "taaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
        assertThat(w.store().read(com.deskbridge.adapters.aws.SnapStartPriming.RESERVED_SELLER,
                EnrichmentPriming.TICKET_ID)).isEmpty();
        assertThat(items()).as("the tickets table holds what it held: no ticket, quota, cache or evidence item")
                .isEqualTo(itemsBefore);
        for (String c : List.of("dhl", "ups", "fedex", "usps", "dpd")) {
            assertThat(f.carriers.callCount(c) + f.carriers.tokenCallCount(c)).as(c).isZero();
        }
        assertThat(f.spApi.callCount("lwa.token") + f.spApi.callCount("orders.getOrder")).isZero();
        assertThat(RefreshTest.drainEnrichmentQueue(com.deskbridge.adapters.aws.SnapStartPriming.RESERVED_SELLER)).isEmpty();
        assertThat(TestStack.get().sqsClient().receiveMessage(r -> r.queueUrl(TestStack.get().queueUrl("LogisticsEventsTestQueue"))
                .maxNumberOfMessages(10).waitTimeSeconds(0)).messages()).as("no flag event on the bus")
                .noneMatch(m -> m.body().contains(com.deskbridge.adapters.aws.SnapStartPriming.RESERVED_SELLER));
    }

    /**
     * The whole path priming runs against loopback answers: the order from the recorded getOrder answer, each carrier's
     * tracking from its recorded answer (mapped to a normalised status, late against the promise), evidence and flags;
     * the credentials read through Secrets Manager's client and the ticket read and written through the tickets table's
     * adapter and DynamoDB's client (loopback answers too); the enrichment read back through the item codec.
     */
    @Test
    void primingEnrichesAnOrderWithAParcelAtEachCarrierFromLoopbackAnswers() throws Exception {
        EnrichmentPriming priming = new EnrichmentPriming();
        TicketEnrichment first = priming.run(java.net.http.HttpClient.newHttpClient(), java.util.Locale.GERMANY);
        TicketEnrichment primed = priming.run(java.net.http.HttpClient.newHttpClient(), java.util.Locale.GERMANY);

        // its secrets read, its ticket, quotas, tracking cache and evidence read and written as a real request's, by
        // the SDK's clients and the adapters (the second run reads the first one's tracking from the cache)
        assertThat(priming.answered()).contains("POST / secretsmanager.GetSecretValue",
                "POST / DynamoDB_20120810.GetItem", "POST / DynamoDB_20120810.BatchGetItem",
                "POST / DynamoDB_20120810.TransactWriteItems", "POST / DynamoDB_20120810.UpdateItem");
        assertThat(primed.shipments()).extracting(TicketEnrichment.ShipmentView::trackingNumber)
                .containsExactlyInAnyOrderElementsOf(first.shipments().stream()
                        .map(TicketEnrichment.ShipmentView::trackingNumber).toList());

        assertThat(primed.order().orderId()).isEqualTo(EnrichmentPriming.ORDER_ID);
        assertThat(primed.shipments()).extracting(TicketEnrichment.ShipmentView::carrier)
                .containsExactlyInAnyOrder("DHL", "UPS", "FEDEX", "USPS", "DPD");
        assertThat(primed.shipments()).allSatisfy(s -> {
            assertThat(s.status()).as(s.carrier()).isEqualTo("InTransit");
            assertThat(s.lastEvents()).isNotEmpty();
            assertThat(s.flags()).isNotEmpty(); // the promised delivery (2026-11-25) has passed
        });
        assertThat(primed.state()).as(primed.detail()).isEqualTo(EnrichmentState.COMPLETE);
    }

    private int items() {
        return TestStack.get().dynamoDbClient().scan(r -> r.tableName(f.table)
                .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)).count();
    }

    @Test
    void carrierOutageShowsRetryingThenSucceedsOnTheRetry() {
        String dhl = f.dhlNumber();
        String orderId = f.orderId();
        f.fbmOrder(orderId, "+P2D", "DHL:" + dhl);
        f.shipment("dhl", dhl, "+PT20H", "-PT6H|transit|Processed|Koeln");
        f.start();
        EnrichmentWiring w = f.wiring();
        EnrichmentHandler handler = new EnrichmentHandler(w);
        String ticket = f.ticket(orderId, null);
        f.carriers.injectFaults("dhl", 503, 1);

        SQSBatchResponse first = handler.handleRequest(event(ticket, orderId, 1), null);

        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-" + ticket);
        TicketEnrichment retrying = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(retrying.state()).isEqualTo(EnrichmentState.RETRYING);
        assertThat(retrying.detail()).contains("DHL unavailable").contains("503").endsWith("retrying");
        assertThat(retrying.order().orderId()).isEqualTo(orderId); // what we know is kept visible

        f.clock.advance(java.time.Duration.ofSeconds(30)); // the visibility timeout passes before SQS delivers again
        SQSBatchResponse second = handler.handleRequest(event(ticket, orderId, 2), null);

        assertThat(second.getBatchItemFailures()).isEmpty();
        TicketEnrichment done = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(done.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(EnrichmentServiceTest.shipment(done, dhl).status()).isEqualTo("InTransit");
        assertThat(f.carriers.callCount("dhl")).isEqualTo(2);
    }

    @Test
    void lastDeliveryMarksTheTicketFailedAndDeadLettersTheRequestWithItsReason() {
        String dhl = f.dhlNumber();
        String orderId = f.orderId();
        f.fbmOrder(orderId, "+P2D", "DHL:" + dhl);
        f.start();
        EnrichmentWiring w = f.wiring();
        EnrichmentHandler handler = new EnrichmentHandler(w);
        String ticket = f.ticket(orderId, null);
        f.carriers.injectFaults("dhl", 503, 10);

        handler.handleRequest(event(ticket, orderId, 1), null);
        assertThat(w.store().read(f.seller, ticket).orElseThrow().state()).isEqualTo(EnrichmentState.RETRYING);
        SQSBatchResponse last = handler.handleRequest(event(ticket, orderId, TestStack.MAX_RECEIVES), null);

        assertThat(last.getBatchItemFailures()).as("in the DLQ with its reason, not left to SQS's redrive").isEmpty();
        TicketEnrichment failed = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(failed.state()).isEqualTo(EnrichmentState.FAILED);
        assertThat(failed.detail()).startsWith("gave up after repeated failures").contains("DHL unavailable");
        assertThat(deadLettered()).anySatisfy(d -> assertThat(d.messageAttributes().get(DeadLetterQueue.REASON).stringValue())
                .startsWith("gave up after " + TestStack.MAX_RECEIVES + " deliveries").contains("DHL unavailable"));
    }

    @Test
    void malformedMessagesGoToTheDlqWithTheirReason() {
        f.start();
        EnrichmentHandler handler = new EnrichmentHandler(f.wiring());
        SQSEvent e = SqsRecords.event(SqsRecords.record("poison-" + TestStack.unique(), "{\"version\":99}", 1));

        assertThat(handler.handleRequest(e, null).getBatchItemFailures()).isEmpty();

        assertThat(deadLettered()).anySatisfy(d -> {
            assertThat(d.body()).isEqualTo("{\"version\":99}");
            assertThat(d.messageAttributes().get(DeadLetterQueue.REASON).stringValue()).contains("unsupported enrichment request version");
        });
    }

    private static List<Message> deadLettered() {
        String dlq = TestStack.get().queueUrl("EnrichmentTestDeadLetterQueue");
        return TestStack.get().sqsClient().receiveMessage(r -> r.queueUrl(dlq).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
    }

    /**
     * Issue 14 (Operations): one invocation's every log line carries the id the request came with, also the lines of
     * the parcels' look-ups on other threads; parcels run in parallel and one named twice is fetched once.
     */
    @Test
    void everyLineOfAnInvocationCarriesTheRequestsCorrelationIdAndEachParcelIsFetchedOnce() throws Exception {
        String dhl = f.dhlNumber();
        String other = f.dhlNumber();
        String orderId = f.orderId();
        f.fbmOrder(orderId, "+P2D", "DHL:" + dhl, "DHL:" + other, "DHL:" + dhl);
        f.shipment("dhl", dhl, "+PT20H", "-PT6H|transit|Processed|Koeln");
        f.shipment("dhl", other, "+PT20H", "-PT6H|transit|Processed|Hamburg");
        f.start();
        // budgets that allow both parcels' calls at once (the fixture's default lets DHL answer one per window)
        EnrichmentWiring w = f.wiring(Fixture.longWindowsOnly(10_000), new com.deskbridge.spapi.InMemoryQuotaProvider(f.clock));
        EnrichmentHandler handler = new EnrichmentHandler(w);
        String ticket = f.ticket(orderId, null);
        SQSEvent event = event(ticket, orderId, 1);
        SqsRecords.correlated(event.getRecords().get(0), "intake-msg-" + ticket);

        List<String> lines;
        try (com.deskbridge.adapters.logging.JsonLogging.Capture capture = com.deskbridge.adapters.logging.JsonLogging.capture()) {
            assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();
            lines = capture.lines();
        }

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(line).path("correlationId").asText()).isEqualTo("intake-msg-" + ticket));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("enrichment ticketId=" + ticket));
        TicketEnrichment done = w.store().read(f.seller, ticket).orElseThrow();
        assertThat(done.state()).isEqualTo(EnrichmentState.COMPLETE);
        assertThat(done.shipments()).extracting(TicketEnrichment.ShipmentView::trackingNumber).containsExactly(dhl, other);
        assertThat(f.carriers.callCount("dhl")).isEqualTo(2);
    }

    private SQSEvent event(String ticket, String orderId, int receiveCount) {
        return SqsRecords.event(SqsRecords.record("m-" + ticket, EnrichmentRequest.body(f.seller, ticket, orderId,
                "A1PA6795UKMFR9", EnrichmentRequest.Reason.TICKET_CREATED), receiveCount));
    }

}
