package com.deskbridge.enrichment;

import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.deskbridge.localaws.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * One local AWS (DynamoDB Local with the template's table, ElasticMQ, the local EventBridge) for all test classes of
 * this module. The template is the project's template.yaml plus test-only resources the lead has not added yet:
 * an enrichment queue with a DLQ (maxReceiveCount 3) and a rule sending {@code deskbridge.logistics} events to a
 * queue the tests read. Tests isolate themselves by unique sellers, tickets, tracking numbers and clock days.
 */
final class TestStack {
    static final int MAX_RECEIVES = 3;
    private static final AtomicInteger DAYS = new AtomicInteger();
    private static final AtomicInteger IDS = new AtomicInteger();
    private static LocalAwsStack stack;
    private static EventBridgeClient events;

    private TestStack() {
    }

    static synchronized LocalAwsStack get() {
        if (stack == null) {
            String yaml;
            try {
                yaml = Files.readString(ProjectRoot.find().resolve("template.yaml"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String extra = """
                      EnrichmentTestDeadLetterQueue:
                        Type: AWS::SQS::Queue
                      EnrichmentTestQueue:
                        Type: AWS::SQS::Queue
                        Properties:
                          VisibilityTimeout: 1
                          RedrivePolicy:
                            deadLetterTargetArn: !GetAtt EnrichmentTestDeadLetterQueue.Arn
                            maxReceiveCount: %d
                      LogisticsEventsTestQueue:
                        Type: AWS::SQS::Queue
                      LogisticsEventsTestRule:
                        Type: AWS::Events::Rule
                        Properties:
                          EventBusName: !Ref EventBus
                          EventPattern:
                            source:
                              - deskbridge.logistics
                          Targets:
                            - Arn: !GetAtt LogisticsEventsTestQueue.Arn
                              Id: LogisticsEventsTest

                    """.formatted(MAX_RECEIVES);
            int at = yaml.indexOf("\nOutputs:");
            String patched = yaml.substring(0, at + 1) + extra + yaml.substring(at + 1);
            stack = LocalAwsStack.builder().template(onlyWhatEnrichmentUses(SamTemplate.parse(patched)))
                    .pollers(false).schedules(false).start();
            events = EventBridgeClient.builder().endpointOverride(stack.eventBridgeEndpoint()).region(Region.EU_WEST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                events.close();
                stack.close();
            }));
        }
        return stack;
    }

    /**
     * The template's tables and event buses plus the test resources above, without the other functions: their
     * configuration (changed by other teams meanwhile) is not what these tests are about.
     */
    private static SamTemplate onlyWhatEnrichmentUses(SamTemplate full) {
        com.fasterxml.jackson.databind.node.ObjectNode json = full.json().deepCopy();
        json.remove("Outputs");
        com.fasterxml.jackson.databind.node.ObjectNode resources = (com.fasterxml.jackson.databind.node.ObjectNode) json.get("Resources");
        java.util.Set<String> keep = java.util.Set.of("AWS::DynamoDB::Table", "AWS::Events::EventBus");
        java.util.List<String> drop = new java.util.ArrayList<>();
        resources.fields().forEachRemaining(e -> {
            if (!keep.contains(e.getValue().path("Type").asText()) && !e.getKey().contains("Test")) {
                drop.add(e.getKey());
            }
        });
        resources.remove(drop);
        return SamTemplate.parse(json.toString());
    }

    static String table() {
        return get().tableName("TicketsTable");
    }

    static EventBridgeClient events() {
        get();
        return events;
    }

    static String bus() {
        return get().model().eventBuses().get(0).name();
    }

    static URI eventBridgeEndpoint() {
        return get().eventBridgeEndpoint();
    }

    /**
     * A fresh table with the template's TicketsTable layout, for tests whose subject reads across sellers (the refresh
     * index, the burst): nothing other tests wrote is in it.
     */
    static String isolatedTable() {
        com.deskbridge.localaws.template.TableSpec t = get().model().tables().get("TicketsTable");
        com.deskbridge.localaws.template.TableSpec copy = new com.deskbridge.localaws.template.TableSpec(t.logicalId(),
                t.tableName() + "-" + unique(), t.attributeDefinitions(), t.keySchema(), t.globalSecondaryIndexes(),
                t.localSecondaryIndexes(), t.ttlAttribute(), t.streamViewType());
        new com.deskbridge.localaws.dynamodb.TableProvisioner(get().dynamoDbClient()).ensure(copy);
        return copy.tableName();
    }

    /** A start instant on a day no other test uses (quota windows are per day and shared through the table). */
    static Instant freshDay() {
        return Instant.parse("2026-11-20T10:00:00Z").plus(java.time.Duration.ofDays(3L * DAYS.incrementAndGet()));
    }

    /** A unique suffix for ids and tracking numbers. */
    static String unique() {
        return String.format("%06d", IDS.incrementAndGet());
    }
}
