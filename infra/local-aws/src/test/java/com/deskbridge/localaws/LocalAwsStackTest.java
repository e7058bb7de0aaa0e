package com.deskbridge.localaws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.localaws.api.HttpRoute;
import com.deskbridge.localaws.lambda.LambdaInvocationException;
import com.deskbridge.localaws.testhandlers.Recorder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalAwsStackTest {
    private static LocalAwsStack stack;
    private static EventBridgeClient events;

    @BeforeAll
    static void start() {
        Recorder.clear();
        stack = LocalAwsStack.builder()
                .template(Path.of("src/test/resources/templates/stack.yaml"))
                .visibilityTimeoutOverride(1)
                .scheduleSpeedup(120)
                .start();
        events = EventBridgeClient.builder().endpointOverride(stack.eventBridgeEndpoint())
                .region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
    }

    @AfterAll
    static void stop() {
        events.close();
        stack.close();
        assertThat(System.getProperty("TABLE")).isNull();
    }

    @Test
    void tablesAreCreatedWithIndexesAndTtlAndUsableWithTheSdk() {
        DynamoDbClient dynamo = stack.dynamoDbClient();
        assertThat(stack.tableName("ItemsTable")).isEqualTo("test-items");
        TableDescription table = dynamo.describeTable(r -> r.tableName("test-items")).table();
        assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("ByStatus");
        assertThat(table.localSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("ByGsiSort");
        assertThat(dynamo.describeTimeToLive(r -> r.tableName("test-items")).timeToLiveDescription())
                .satisfies(t -> {
                    assertThat(t.attributeName()).isEqualTo("expiresAt");
                    assertThat(t.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                });
        dynamo.putItem(r -> r.tableName("test-items").item(Map.of("PK", s("T#1"), "SK", s("META"),
                "GSI1PK", s("OPEN"), "GSI1SK", s("2024-01-01"))));
        var open = dynamo.query(r -> r.tableName("test-items").indexName("ByStatus")
                .keyConditionExpression("GSI1PK = :s").expressionAttributeValues(Map.of(":s", s("OPEN"))));
        assertThat(open.items()).extracting(i -> i.get("PK").s()).containsExactly("T#1");
    }

    @Test
    void environmentIsPublishedAsSystemPropertiesBeforeHandlersAreCreated() {
        assertThat(stack.environment()).containsEntry("TABLE", "test-items").containsEntry("STAGE", "test")
                .containsEntry("WORK_DLQ_URL", stack.queueUrl("WorkDlq"))
                .containsEntry("WORK_QUEUE_ARN", "arn:aws:sqs:eu-west-1:000000000000:WorkQueue")
                .containsEntry("AWS_REGION", "eu-west-1");
        assertThat(System.getProperty("AWS_ENDPOINT_URL_SQS")).isEqualTo(stack.sqsEndpoint().toString());
        assertThat(System.getProperty("AWS_ENDPOINT_URL_EVENTBRIDGE")).isEqualTo(stack.eventBridgeEndpoint().toString());
        assertThat(System.getProperty("aws.accessKeyId")).isEqualTo("local");
        assertThat(stack.queueUrl("WorkDlq")).endsWith("/test-work-dlq");
    }

    @Test
    void sqsPollerDeliversBatchesShapedLikeLambda() {
        SqsClient sqs = stack.sqsClient();
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.sendMessage(r -> r.queueUrl(stack.queueUrl("WorkQueue")).messageBody("ok-" + n)
                    .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String")
                            .stringValue("k" + n).build())));
        }
        Await.until("3 messages handled", () -> Recorder.seen("batch").containsAll(List.of("ok-0", "ok-1", "ok-2")));
        String meta = Recorder.seen("batch-meta").stream().filter(m -> m.startsWith("ok-1|")).findFirst().orElseThrow();
        assertThat(meta).startsWith("ok-1|aws:sqs|arn:aws:sqs:eu-west-1:000000000000:WorkQueue|eu-west-1|1|true|k1|");
        assertThat(meta.substring(meta.lastIndexOf('|') + 1)).hasSize(32);
        Await.until("work queue drained", () -> approximate(stack.queueUrl("WorkQueue")) == 0);
    }

    @Test
    void partialBatchFailureKeepsOnlyTheFailedMessageWhichEndsInTheDlq() {
        SqsClient sqs = stack.sqsClient();
        sqs.sendMessage(r -> r.queueUrl(stack.queueUrl("WorkQueue")).messageBody("fine-a"));
        sqs.sendMessage(r -> r.queueUrl(stack.queueUrl("WorkQueue")).messageBody("fail-b"));
        Await.until("DLQ receives the failed message", () -> approximate(stack.queueUrl("WorkDlq")) >= 1);
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(stack.queueUrl("WorkDlq")).maxNumberOfMessages(10))
                .messages();
        assertThat(dead).extracting(Message::body).containsExactly("fail-b");
        // maxReceiveCount 2: the handler saw it twice, the good one once
        assertThat(Recorder.seen("batch").stream().filter("fail-b"::equals)).hasSize(2);
        assertThat(Recorder.seen("batch").stream().filter("fine-a"::equals)).hasSize(1);
    }

    @Test
    void handlerThatThrowsLeavesTheMessageForRedriveToTheDlq() {
        stack.sqsClient().sendMessage(r -> r.queueUrl(stack.queueUrl("PoisonQueue")).messageBody("poison"));
        Await.until("poison message in DLQ", () -> approximate(stack.queueUrl("PoisonDlq")) == 1);
        assertThat(Recorder.seen("throwing")).containsExactly("poison", "poison");
        assertThatThrownBy(() -> stack.invoke("PoisonFunction", "{\"Records\":[]}"))
                .isInstanceOf(LambdaInvocationException.class)
                .hasMessageContaining("java.lang.IllegalStateException: poison message");
    }

    @Test
    void schedulesFireOnDemandAndOnTheirRate() {
        assertThat(stack.fireSchedule("ScheduledFunction.Nightly")).containsExactly("\"ok\"");
        assertThat(Recorder.seen("scheduled")).contains("aws.events|Scheduled Event|"
                + "[arn:aws:events:eu-west-1:000000000000:rule/ScheduledFunction.Nightly]");
        // rate(1 minute) at 120x speed fires about every half second; the disabled cron never runs by itself
        Await.until("rate schedule fired twice", () -> Recorder.seen("scheduled").stream()
                .filter(s -> s.contains("ScheduledFunction.Frequent")).count() >= 2);
        assertThat(stack.schedules().nextFire("ScheduledFunction.Nightly")).isEmpty();
        assertThat(stack.schedules().nextFire("ScheduledFunction.Frequent")).isPresent();

        String messageId = stack.fireSchedule("CleanupRule").get(0);
        Await.until("cleanup input on the rule queue", () -> receiveBodies("RuleQueue").contains("{\"kind\":\"cleanup\"}"));
        assertThat(messageId).isNotBlank();
    }

    @Test
    void putEventsThroughTheSdkReachesOnlyMatchingRules() {
        PutEventsResponse response = events.putEvents(r -> r.entries(
                entry("app.orders", "OrderPlaced", "{\"amount\":150,\"id\":\"big\"}", "test-bus"),
                entry("app.orders", "OrderPlaced", "{\"amount\":50,\"id\":\"small\"}", "test-bus"),
                entry("app.orders", "OrderPlaced", "{\"amount\":500,\"id\":\"wrong-bus\"}", null),
                entry("app.other", "Anything", "{\"id\":\"other\"}", null)));
        assertThat(response.failedEntryCount()).isZero();
        assertThat(response.entries()).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());

        Await.until("function got the big order and the other event", () ->
                Recorder.seen("events:EventFunction").stream().anyMatch(s -> s.contains("id=big"))
                        && Recorder.seen("events:EventFunction").stream().anyMatch(s -> s.contains("id=other")));
        List<String> queued = new java.util.ArrayList<>();
        Await.until("queue got the big order", () -> {
            queued.addAll(receiveBodies("RuleQueue"));
            return queued.stream().anyMatch(b -> b.contains("\"id\":\"big\""));
        });
        String big = queued.stream().filter(b -> b.contains("\"id\":\"big\"")).findFirst().orElseThrow();
        assertThat(big).contains("\"version\":\"0\"", "\"detail-type\":\"OrderPlaced\"", "\"source\":\"app.orders\"",
                "\"account\":\"000000000000\"", "\"region\":\"eu-west-1\"", "\"resources\":[]",
                "\"detail\":{\"amount\":150,\"id\":\"big\"}");
        assertThat(Recorder.seen("events:EventFunction")).noneMatch(s -> s.contains("small") || s.contains("wrong-bus"));
        assertThat(queued).noneMatch(b -> b.contains("small") || b.contains("wrong-bus"));
    }

    @Test
    void invalidPutEventsEntriesAreReportedPerEntry() {
        PutEventsResponse response = events.putEvents(r -> r.entries(
                entry("app.orders", "OrderPlaced", "{\"amount\":1}", null),
                PutEventsRequestEntry.builder().detailType("X").detail("{}").build(),
                entry("app.orders", "OrderPlaced", "not json", null),
                entry("app.orders", "OrderPlaced", "{}", "no-such-bus"),
                entry("aws.s3", "OrderPlaced", "{}", null)));
        assertThat(response.failedEntryCount()).isEqualTo(4);
        assertThat(response.entries().get(0).eventId()).isNotBlank();
        assertThat(response.entries().get(0).errorCode()).isNull();
        assertThat(response.entries().get(1).errorCode()).isEqualTo("InvalidArgument");
        assertThat(response.entries().get(1).errorMessage()).contains("Source");
        assertThat(response.entries().get(2).errorCode()).isEqualTo("MalformedDetail");
        assertThat(response.entries().get(3).errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(response.entries().get(4).errorCode()).isEqualTo("NotAuthorizedForSourceException");
    }

    @Test
    void httpRoutesAreExposedWithInvokersAuthAndCors() {
        assertThat(stack.httpRoutes()).extracting(HttpRoute::routeKey).containsExactly("GET /items/{id}", "POST /boom");
        HttpRoute get = stack.httpRoutes().get(0);
        assertThat(get.functionLogicalId()).isEqualTo("ApiFunction");
        assertThat(get.auth().type()).isEqualTo("JWT");
        assertThat(get.auth().issuer()).isEqualTo("https://issuer.example/");
        assertThat(get.auth().audiences()).containsExactly("aud-1", "aud-2");
        assertThat(stack.httpRoutes().get(1).auth().required()).isFalse();
        assertThat(stack.jwtAudiences()).containsExactly("aud-1", "aud-2");
        assertThat(stack.cors()).hasValueSatisfying(c -> assertThat(c.allowMethods()).containsExactly("GET", "POST"));

        APIGatewayV2HTTPEvent request = APIGatewayV2HTTPEvent.builder().withVersion("2.0")
                .withRouteKey("GET /items/{id}").withRawPath("/items/42").withPathParameters(Map.of("id", "42"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/items/42").build()).build())
                .build();
        APIGatewayV2HTTPResponse response = get.invoke(request);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("42|test-items|true|true|ApiFunction");

        APIGatewayV2HTTPResponse boom = stack.httpRoutes().get(1).invoke(APIGatewayV2HTTPEvent.builder()
                .withRawPath("/boom").build());
        assertThat(boom.getStatusCode()).isEqualTo(500);
        assertThat(boom.getBody()).contains("Internal Server Error");
    }

    @Test
    void describeListsEverything() {
        String text = stack.describe();
        assertThat(text).contains(stack.dynamoDbEndpoint().toString(), stack.sqsEndpoint().toString(),
                stack.eventBridgeEndpoint().toString(), "WorkQueue => WorkerFunction (batch 5, ReportBatchItemFailures)",
                "DLQ WorkDlq after 2 receives", "ScheduledFunction.Frequent rate(1 minute) Europe/Berlin",
                "OrdersRule on bus test-bus", "Api GET /items/{id} => ApiFunction [JWT Jwt]", "UnusedTopic");
    }

    private static PutEventsRequestEntry entry(String source, String type, String detail, String bus) {
        return PutEventsRequestEntry.builder().source(source).detailType(type).detail(detail).eventBusName(bus).build();
    }

    private static List<String> receiveBodies(String queue) {
        List<Message> messages = stack.sqsClient().receiveMessage(r -> r.queueUrl(stack.queueUrl(queue))
                .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        messages.forEach(m -> stack.sqsClient().deleteMessage(d -> d.queueUrl(stack.queueUrl(queue))
                .receiptHandle(m.receiptHandle())));
        return messages.stream().map(Message::body).toList();
    }

    private static int approximate(String url) {
        Map<QueueAttributeName, String> a = stack.sqsClient().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
