package com.deskbridge.local.contract;

import static com.deskbridge.local.Envelopes.channelMessage;
import static com.deskbridge.local.Envelopes.get;
import static com.deskbridge.local.Envelopes.rawMime;
import static com.deskbridge.local.Envelopes.relayMail;
import static com.deskbridge.local.Envelopes.s3Created;
import static com.deskbridge.local.Envelopes.sqsEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.api.ApiServices;
import com.deskbridge.api.TicketApiHandler;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.adapters.sqs.DeadLetterQueue;
import com.deskbridge.intake.IntakeHandler;
import com.deskbridge.intake.IntakeWiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The intake and API functions against real AWS emulators: poison handling, exactly-once threading, relay mail
 * from S3, failure reporting, and reads scoped to the seller. Subclasses choose the backend.
 */
public abstract class IntakeAndApiContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final AtomicInteger SELLERS = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();

    protected abstract Backend backend();

    private IntakeHandler intake() {
        return intake(backend().dynamo(), backend().sqs());
    }

    private IntakeHandler intake(DynamoDbClient dynamo, SqsClient sqs) {
        Backend b = backend();
        return new IntakeHandler(IntakeWiring.of(dynamo, b.s3(), sqs, b.ticketsTable(), b.deadLetterQueueUrl(),
                b.deadLetterQueueUrl(), // outbound queue: these sellers have no reply settings, so nothing is sent
                Duration.ofDays(30), "Europe/Berlin", CLOCK), com.deskbridge.intake.IntakeGuards.rawMailFrom(b.rawMailBucket()));
    }

    private TicketApiHandler api() {
        DynamoDbTicketStore store = new DynamoDbTicketStore(backend().dynamo(), backend().ticketsTable());
        return new TicketApiHandler(new ApiServices(new TicketQueries(store, CLOCK),
                new com.deskbridge.domain.command.TicketCommands(store, CLOCK, Duration.ofDays(30)),
                new com.deskbridge.adapters.settings.DynamoDbSellerSettings(backend().dynamo(), backend().ticketsTable(), CLOCK),
                (seller, ticket, key) -> { }, new com.deskbridge.adapters.dynamodb.ResponseRecords(backend().dynamo(), backend().ticketsTable()),
                new com.deskbridge.adapters.dynamodb.DynamoDbSlaMetricsArchive(backend().dynamo(), backend().ticketsTable()),
                () -> {
                    throw new AssertionError("the contract does not refund");
                },
                com.deskbridge.api.TicketContext.NONE,
                new com.deskbridge.api.Collaboration(
                        new com.deskbridge.adapters.dynamodb.DynamoDbTicketSearch(backend().dynamo(), backend().ticketsTable()),
                        new com.deskbridge.adapters.dynamodb.DynamoDbTicketNotes(backend().dynamo(), backend().ticketsTable()),
                        new com.deskbridge.adapters.dynamodb.DynamoDbTicketPresence(backend().dynamo(), backend().ticketsTable()),
                        new com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog(backend().dynamo(), backend().ticketsTable(), CLOCK),
                        Duration.ofDays(30)),
                () -> {
                    throw new AssertionError("the contract does not refresh tracking");
                },
                new com.deskbridge.compliance.ComplianceChecker(), com.deskbridge.adapters.outbound.ReplyChannels.DEPLOYED, CLOCK,
                com.deskbridge.adapters.settings.SlaPolicyJson.defaultDocument("Europe/Berlin"),
                new com.deskbridge.adapters.dynamodb.DynamoDbInbox(backend().dynamo(), backend().ticketsTable()),
                new com.deskbridge.adapters.sellers.DynamoDbSellerRegistry(backend().dynamo(), backend().ticketsTable())));
    }

    private static String newSeller() {
        return "contract-seller-" + SELLERS.incrementAndGet() + "-" + System.nanoTime();
    }

    private JsonNode queue(String seller) throws Exception {
        APIGatewayV2HTTPResponse r = api().handleRequest(get("GET /tickets", "/tickets", seller, null,
                Map.of("status", "open")), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        return json.readTree(r.getBody()).get("items");
    }

    private JsonNode ticket(String seller, String id, int expectedStatus) throws Exception {
        APIGatewayV2HTTPResponse r = api().handleRequest(get("GET /tickets/{id}", "/tickets/" + id, seller,
                Map.of("id", id), null), null);
        assertThat(r.getStatusCode()).isEqualTo(expectedStatus);
        return json.readTree(r.getBody());
    }

    /** Drains the DLQ and returns the messages whose source id is among the given ones. */
    private List<Message> deadLettered(List<String> sourceIds, int expected) {
        List<Message> found = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && found.size() < expected; attempt++) {
            for (Message m : backend().sqs().receiveMessage(r -> r.queueUrl(backend().deadLetterQueueUrl())
                    .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                backend().sqs().deleteMessage(d -> d.queueUrl(backend().deadLetterQueueUrl()).receiptHandle(m.receiptHandle()));
                var source = m.messageAttributes().get(DeadLetterQueue.SOURCE_MESSAGE_ID);
                if (source != null && sourceIds.contains(source.stringValue())) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    @Test
    void poisonMessagesGoToTheDeadLetterQueueWithTheirReasonAndTheRestOfTheBatchIsProcessed() throws Exception {
        String seller = newSeller();
        SQSEvent event = sqsEvent(
                channelMessage(seller, "good-1", "thread-good", "Where is my parcel?"),
                "{\"version\":1,\"type\":\"channel-message\",",
                channelMessage(seller, "", "thread-x", "missing id"),
                rawMime(seller, "this is not an e-mail at all"),
                s3Created(backend().rawMailBucket(), "uploads/not-relay"),
                channelMessage(seller, "good-2", "thread-good-2", "Second good one"));
        Map<String, String> bodies = new HashMap<>();
        event.getRecords().forEach(r -> bodies.put(r.getMessageId(), r.getBody()));

        SQSBatchResponse response = intake().handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(queue(seller)).hasSize(2);
        List<String> poisonIds = event.getRecords().subList(1, 5).stream().map(SQSEvent.SQSMessage::getMessageId).toList();
        List<Message> dead = deadLettered(poisonIds, 4);
        assertThat(dead).hasSize(4);
        Map<String, String> reasons = new HashMap<>();
        for (Message m : dead) {
            String source = m.messageAttributes().get(DeadLetterQueue.SOURCE_MESSAGE_ID).stringValue();
            assertThat(m.body()).as("the DLQ keeps the original body").isEqualTo(bodies.get(source));
            reasons.put(source, m.messageAttributes().get(DeadLetterQueue.REASON).stringValue());
        }
        assertThat(reasons.get(poisonIds.get(0))).contains("not valid JSON");
        assertThat(reasons.get(poisonIds.get(1))).contains("externalMessageId");
        assertThat(reasons.get(poisonIds.get(2))).contains("e-mail rejected");
        assertThat(reasons.get(poisonIds.get(3))).contains("relay/<sellerId>/");
    }

    @Test
    void redeliveredAndDuplicatedMessagesNeverMakeASecondTicketOrMessage() throws Exception {
        String seller = newSeller();
        String body = channelMessage(seller, "dup-1", "thread-dup", "Hello");
        intake().handleRequest(sqsEvent(body), null);
        SQSBatchResponse again = intake().handleRequest(sqsEvent(body, body, channelMessage(seller, "dup-2", "thread-dup", "More")), null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        JsonNode items = queue(seller);
        assertThat(items).hasSize(1);
        JsonNode detail = ticket(seller, items.get(0).get("id").asText(), 200);
        assertThat(detail.get("messageCount").asInt()).isEqualTo(2);
        assertThat(detail.get("messages")).extracting(m -> m.get("externalMessageId").asText())
                .containsExactlyInAnyOrder("dup-1", "dup-2");
    }

    @Test
    void aRelayMailStoredInS3BecomesAnAmazonTicketForTheSellerInTheKey() throws Exception {
        String seller = newSeller();
        String key = "relay/" + seller + "/mail-0001";
        backend().s3().putObject(p -> p.bucket(backend().rawMailBucket()).key(key),
                RequestBody.fromString(relayMail("relay-" + seller, "302-1234567-7654321"), StandardCharsets.UTF_8));

        SQSBatchResponse response = intake().handleRequest(sqsEvent(s3Created(backend().rawMailBucket(), key)), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        JsonNode t = queue(seller).get(0);
        assertThat(t.get("channel").asText()).isEqualTo("amazon");
        assertThat(t.get("orderId").asText()).isEqualTo("302-1234567-7654321");
        assertThat(t.get("marketplaceId").asText()).isEqualTo("A1PA6795UKMFR9");
        assertThat(t.get("buyer").asText()).isEqualTo("7xk2m4q9pz3lwd1@marketplace.amazon.de");
        assertThat(t.get("intent").asText()).isEqualTo("WHERE_IS_MY_ORDER");
        assertThat(t.get("tags")).extracting(JsonNode::asText).contains("shipping-status");
        assertThat(t.get("priority").asText()).isEqualTo("NORMAL");
    }

    @Test
    void aMessageTheModelCannotReadIsQueuedForTriageAndTheLanguageAndConfidenceAreStored() throws Exception {
        String seller = newSeller();
        // No signal at all: the intent model's confidence stays below its threshold.
        intake().handleRequest(sqsEvent(channelMessage(seller, "t-1", "thread-triage", "asdf")), null);
        intake().handleRequest(sqsEvent(channelMessage(seller, "t-2", "thread-dutch",
                "Hoi, ik heb mijn pakket nog steeds niet ontvangen. Waar blijft het?")), null);

        APIGatewayV2HTTPResponse r = api().handleRequest(get("GET /tickets", "/tickets", seller, null,
                Map.of("status", "open", "tag", "needs-triage")), null);
        assertThat(r.getStatusCode()).isEqualTo(200);
        JsonNode triage = json.readTree(r.getBody()).get("items");
        assertThat(triage).hasSize(1);
        assertThat(triage.get(0).get("tags")).extracting(JsonNode::asText).contains("needs-triage");

        JsonNode dutch = queue(seller).findParents("intent").stream()
                .filter(t -> !t.get("tags").toString().contains("needs-triage")).findFirst().orElseThrow();
        assertThat(dutch.get("intent").asText()).isEqualTo("WHERE_IS_MY_ORDER");
        var items = backend().dynamo().scan(b -> b.tableName(backend().ticketsTable())
                .filterExpression("begins_with(PK, :p) AND attribute_exists(intentConfidence)")
                .expressionAttributeValues(Map.of(":p", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS("S#" + seller + "#")))).items();
        assertThat(items).hasSize(2);
        assertThat(items).anySatisfy(i -> {
            assertThat(i.get("language").s()).isEqualTo("nl");
            assertThat(Double.parseDouble(i.get("intentConfidence").n()))
                    .isBetween(new com.deskbridge.intent.IntentClassifier(com.deskbridge.intent.LanguageDetector.NONE).threshold(), 1.0);
        });
    }

    @Test
    void intakeStartsTheSlaClockWithTheAmazonDeadlineAndACancellationDeadline() throws Exception {
        String seller = newSeller();
        String cancel = channelMessage(seller, "c-1", "thread-cancel", "Please cancel my order, I ordered by mistake.")
                .replace("\"channel\":\"ebay\"", "\"channel\":\"amazon\"");
        intake().handleRequest(sqsEvent(cancel), null);
        JsonNode t = queue(seller).get(0);
        assertThat(t.get("intent").asText()).isEqualTo("CANCELLATION_REQUEST");

        Instant received = Instant.parse("2026-11-21T09:15:00Z");
        assertThat(waitingTickets(seller)).singleElement().satisfies(d -> {
            var m = d.milestones();
            assertThat(m.get(com.deskbridge.domain.sla.MilestoneKind.MARKETPLACE_DUE)).isEqualTo(received.plus(Duration.ofHours(24)));
            assertThat(m.get(com.deskbridge.domain.sla.MilestoneKind.CANCELLATION_DUE)).isEqualTo(received.plus(Duration.ofDays(2)));
            assertThat(m.get(com.deskbridge.domain.sla.MilestoneKind.AT_RISK)).isBefore(m.get(com.deskbridge.domain.sla.MilestoneKind.TARGET_DUE));
            assertThat(d.indexKey()).startsWith(m.get(com.deskbridge.domain.sla.MilestoneKind.AT_RISK).toString().substring(0, 16));
        });
    }

    @Test
    void aLeadsStoredSlaPolicyGovernsTheDeadlinesOfLaterMessages() throws Exception {
        String seller = newSeller();
        // Open around the clock, answer within an hour: at risk after 45 minutes.
        String policy = "{\"timeZone\":\"UTC\",\"businessHours\":{" + String.join(",",
                java.util.stream.Stream.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")
                        .map(d -> "\"" + d + "\":[{\"opens\":\"00:00\",\"closes\":\"24:00\"}]").toList())
                + "},\"targetInsideMinutes\":60,\"targetOutsideMinutes\":60}";
        var put = get("PUT /sla-policy", "/sla-policy", seller, null, null);
        put.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of(TicketApiHandler.SELLER_CLAIM, seller,
                "sub", "lead-1", "roles", "[lead]"));
        put.setBody(policy);
        assertThat(api().handleRequest(put, null).getStatusCode()).isEqualTo(200);

        intake().handleRequest(sqsEvent(channelMessage(seller, "p-1", "thread-p", "Where is my parcel?")), null);

        Instant received = Instant.parse("2026-11-21T09:15:00Z");
        assertThat(waitingTickets(seller)).singleElement().satisfies(d -> {
            assertThat(d.milestones().get(com.deskbridge.domain.sla.MilestoneKind.TARGET_DUE)).isEqualTo(received.plus(Duration.ofHours(1)));
            assertThat(d.milestones().get(com.deskbridge.domain.sla.MilestoneKind.AT_RISK)).isEqualTo(received.plus(Duration.ofMinutes(45)));
        });
    }

    @Test
    void aLeadsTagRulesTagLaterMessages() throws Exception {
        String seller = newSeller();
        var put = get("PUT /tag-rules", "/tag-rules", seller, null, null);
        put.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of(TicketApiHandler.SELLER_CLAIM, seller,
                "sub", "lead-1", "roles", "[lead]"));
        put.setBody("{\"rules\":[{\"name\":\"warranty\",\"kind\":\"KEYWORD\",\"pattern\":\"warranty\",\"tag\":\"warranty\"}]}");
        assertThat(api().handleRequest(put, null).getStatusCode()).isEqualTo(200);

        intake().handleRequest(sqsEvent(channelMessage(seller, "w-1", "thread-w", "Is the blender still under warranty?")), null);

        assertThat(queue(seller).get(0).get("tags")).extracting(JsonNode::asText).contains("warranty");
    }

    @Test
    void aRelayMailThatIsGoneFromS3IsDeadLettered() {
        String seller = newSeller();
        SQSEvent event = sqsEvent(s3Created(backend().rawMailBucket(), "relay/" + seller + "/expired"));
        assertThat(intake().handleRequest(event, null).getBatchItemFailures()).isEmpty();
        List<Message> dead = deadLettered(List.of(event.getRecords().get(0).getMessageId()), 1);
        assertThat(dead).singleElement().satisfies(m ->
                assertThat(m.messageAttributes().get(DeadLetterQueue.REASON).stringValue()).contains("raw e-mail unavailable"));
    }

    @Test
    void transientFailuresAreReportedForRetryAndNothingIsHalfWritten() throws Exception {
        String seller = newSeller();
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        try (DynamoDbClient unreachable = DynamoDbClient.builder().endpointOverride(closed).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
             SqsClient unreachableSqs = SqsClient.builder().endpointOverride(closed).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build()) {
            SQSEvent event = sqsEvent(channelMessage(seller, "t-1", "thread-t", "Hi"), "not json at all");
            SQSBatchResponse response = intake(unreachable, unreachableSqs).handleRequest(event, null);

            // The database is down: the good message is retried. The DLQ is down too: the poison one is not lost.
            assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactlyInAnyOrderElementsOf(event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList());
            assertThat(queue(seller)).isEmpty();

            // Once the database is back, the retry completes the work, once.
            assertThat(intake().handleRequest(sqsEvent(event.getRecords().get(0).getBody()), null).getBatchItemFailures()).isEmpty();
            assertThat(queue(seller)).hasSize(1);
        }
    }

    @Test
    void theApiServesOnlyTheCallersSellerAndExplainsBadRequests() throws Exception {
        String seller = newSeller();
        intake().handleRequest(sqsEvent(channelMessage(seller, "a-1", "thread-a", "Hello")), null);
        String id = queue(seller).get(0).get("id").asText();

        assertThat(ticket(seller, id, 200).get("messages").get(0).get("body").asText()).isEqualTo("Hello");
        JsonNode notYours = ticket(newSeller(), id, 404);
        assertThat(notYours.get("type").asText()).isEqualTo("urn:deskbridge:problem:ticket-not-found");
        JsonNode badId = ticket(seller, "DROP TABLE", 400);
        assertThat(badId.get("field").asText()).isEqualTo("ticketId");
        assertThat(queue(newSeller())).isEmpty();

        APIGatewayV2HTTPResponse badStatus = api().handleRequest(get("GET /tickets", "/tickets", seller, null,
                Map.of("status", "archived")), null);
        assertThat(badStatus.getStatusCode()).isEqualTo(400);
        assertThat(badStatus.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json.readTree(badStatus.getBody()).get("field").asText()).isEqualTo("status");
    }

    /** The seller's tickets in the SLA due index (every shard, whatever their next milestone). */
    private List<com.deskbridge.domain.escalation.DueTicket> waitingTickets(String seller) {
        var index = new com.deskbridge.adapters.dynamodb.DynamoDbDueIndex(backend().dynamo(), backend().ticketsTable());
        List<com.deskbridge.domain.escalation.DueTicket> due = new ArrayList<>();
        for (int shard = 0; shard < index.shards(); shard++) {
            due.addAll(index.due(shard, Instant.parse("2100-01-01T00:00:00Z"), 1000));
        }
        return due.stream().filter(d -> d.seller().value().equals(seller)).toList();
    }

    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
