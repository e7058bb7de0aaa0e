package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.enrichment.EnrichmentHandler;
import com.deskbridge.localaws.template.FunctionSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Every function's SnapStart priming, as Lambda runs it before the snapshot (the handler built by the runtime's
 * no-arg constructor from the template's configuration, then its before-checkpoint hook), against the running local
 * system: it completes, it loads the handler's class list, and it leaves nothing behind that an agent or a queue could
 * see.
 */
class SnapStartPrimingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Functions whose priming runs their own request path (the actions schedule: a whole scheduled run, on clients that
     * find the work queues empty and refuse writes, so the work other tests left waiting stays theirs).
     */
    private static final java.util.Set<String> REQUEST_PRIMED = java.util.Set.of("IntakeFunction", "SenderFunction",
            "ApiFunction", "FeedScheduleFunction");

    @Test
    void everyHandlerPrimesWithoutFailingAndWithoutSideEffects() throws Exception {
        LocalRunner system = RunningSystem.get();
        List<String> primed = new ArrayList<>();
        // two rounds each: this test is about what priming leaves behind, which a round more or less does not change
        // (and twenty rounds of intake's, the sender's and the audit's write paths would cost the suite seconds)
        System.setProperty("SNAPSTART_PRIMING_ROUNDS", "2");
        try {
            primeAll(system, primed);
        } finally {
            System.clearProperty("SNAPSTART_PRIMING_ROUNDS");
        }
        assertThat(primed).hasSize(system.stack().model().functions().size()).contains("IntakeFunction", "SenderFunction",
                "ApiFunction", "PreTokenGenerationFunction");

        // nothing stored for the reserved seller, nothing dead-lettered because of it
        String token = system.token("priming-check", SnapStartPriming.RESERVED_SELLER, Duration.ofMinutes(5));
        for (String status : List.of("open", "closed")) {
            HttpResponse<String> r = RunningSystem.get("/tickets?status=" + status, token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("items")).as(status + " tickets of the reserved seller").isEmpty();
        }
        // the SDK priming's writes were refused (their condition cannot hold) and its messages went to no queue
        assertThat(system.stack().dynamoDbClient().getItem(g -> g.tableName(system.stack().tableName("TicketsTable"))
                .consistentRead(true).key(java.util.Map.of(
                        "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING#"
                                + SnapStartPriming.RESERVED_SELLER),
                        "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING")))).hasItem())
                .as("the item SnapStart priming asks DynamoDB to write").isFalse();
        // priming ran the real write paths (intake's transaction, the sender's claim and audit copy, the scheduled
        // audit's report) on clients that refuse writes: no item of the reserved seller, its audit marker or report
        String table = system.stack().tableName("TicketsTable");
        java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> reserved = java.util.Map.of(
                ":r", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(SnapStartPriming.RESERVED_SELLER));
        assertThat(system.stack().dynamoDbClient().scanPaginator(r -> r.tableName(table)
                        .filterExpression("contains(PK, :r) OR contains(SK, :r)").expressionAttributeValues(reserved))
                .items().stream().map(i -> i.get("PK").s() + " / " + i.get("SK").s()).toList())
                .as("items of the reserved seller after priming").isEmpty();
        assertThat(system.stack().sqsClient().listQueues().queueUrls())
                .noneMatch(u -> u.endsWith("snapstart-priming-no-such-queue"));
        for (String dlq : List.of("IntakeDeadLetterQueue", "OutboundDeadLetterQueue", "EnrichmentDeadLetterQueue",
                "ActionsDeadLetterQueue", "SpApiNotificationsDeadLetterQueue")) {
            List<Message> messages = system.stack().sqsClient().receiveMessage(r -> r.queueUrl(system.stack().queueUrl(dlq))
                    .maxNumberOfMessages(10).visibilityTimeout(0)).messages();
            assertThat(messages).as(dlq).noneMatch(m -> m.body().contains(SnapStartPriming.RESERVED_SELLER));
        }
    }

    private static void primeAll(LocalRunner system, List<String> primed) throws Exception {
        for (FunctionSpec f : system.stack().model().functions().values()) {
            Object handler = Class.forName(f.handlerClass()).getDeclaredConstructor().newInstance();
            SnapStartPriming priming = priming(handler);
            if (priming != null) {
                SnapStartPriming.Report report = priming.prime();
                assertThat(report.failure()).as(f.logicalId()).isNull();
                assertThat(report.classesLoaded()).as(f.logicalId() + ": its class list (src/main/resources/snapstart)")
                        .isPositive();
                if (REQUEST_PRIMED.contains(f.logicalId())) {
                    assertThat(report.requests()).as(f.logicalId() + ": its priming request, each round").isEqualTo(2);
                }
                if (handler instanceof EnrichmentHandler enrichment) {
                    // the whole enrichment read its secrets and kept the ticket's state through the SDK's clients and
                    // the function's adapters, on the loopback server's answers (no secret read, nothing stored)
                    assertThat(enrichment.primingAnswered()).as(f.logicalId() + ": its whole-path priming").contains(
                            "POST / secretsmanager.GetSecretValue", "POST / DynamoDB_20120810.GetItem",
                            "POST / DynamoDB_20120810.BatchGetItem", "POST / DynamoDB_20120810.TransactWriteItems",
                            "POST / DynamoDB_20120810.UpdateItem");
                }
            } else {
                assertThat(handler).as(f.logicalId() + " registers a SnapStart hook").isInstanceOf(org.crac.Resource.class);
                ((org.crac.Resource) handler).beforeCheckpoint(null);
            }
            primed.add(f.logicalId());
        }
    }

    private static SnapStartPriming priming(Object handler) throws IllegalAccessException {
        for (Field f : handler.getClass().getDeclaredFields()) {
            if (f.getType() == SnapStartPriming.class) {
                f.setAccessible(true);
                return (SnapStartPriming) f.get(handler);
            }
        }
        return null;
    }
}
