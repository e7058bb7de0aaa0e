package com.deskbridge.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.dynamodb.DynamoDbDueIndex;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.escalation.SlaSweep;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The sweep on DynamoDB Local (the template's DueBySweep index) publishing to the local EventBridge, whose
 * template rule (SlaEscalationRule, matched by event-ruler) delivers to the EscalationQueue.
 */
class SlaSweepIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static LocalAwsStack stack;
    private static DynamoDbTicketStore store;
    private static DynamoDbDueIndex index;
    private static EventBridgeClient events;
    private static String bus;

    @BeforeAll
    static void start() {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml"))
                .pollers(false).schedules(false).start();
        store = new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        index = new DynamoDbDueIndex(stack.dynamoDbClient(), stack.tableName("TicketsTable"));
        events = client(stack.eventBridgeEndpoint());
        bus = stack.environment().get("EVENT_BUS_NAME");
    }

    @AfterAll
    static void stop() {
        events.close();
        stack.close();
    }

    @BeforeEach
    void emptyTheEscalationQueue() {
        stack.sqsClient().purgeQueue(p -> p.queueUrl(stack.queueUrl("EscalationQueue")));
    }

    private static EventBridgeClient client(URI endpoint) {
        return EventBridgeClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    private static SlaSweep sweep(Instant now) {
        return new SlaSweep(index, new EventBridgePublisher(events, bus), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** A waiting ticket whose timeline starts at T0: at risk after 4 h, target 6 h, Amazon 24 h. */
    private static InboundMessage waitingTicket(SellerId seller, String id) {
        InboundMessage m = new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", id, null, "302-0000000-" + id,
                new Sender("alias-" + id + "@marketplace.amazon.de", null), "Where is it?", "Where is my parcel?",
                false, List.of(), T0);
        Map<MilestoneKind, Instant> timeline = new EnumMap<>(MilestoneKind.class);
        timeline.put(MilestoneKind.AT_RISK, T0.plus(Duration.ofHours(4)));
        timeline.put(MilestoneKind.TARGET_DUE, T0.plus(Duration.ofHours(6)));
        timeline.put(MilestoneKind.MARKETPLACE_DUE, T0.plus(Duration.ofHours(24)));
        store.append(m, T0.plus(Duration.ofDays(30)), new Triage("WHERE_IS_MY_ORDER", List.of("shipping-status"), timeline));
        return m;
    }

    /** Drains the escalation queue until it stays empty (other tickets' events may be in it too). */
    private static List<JsonNode> escalations() throws Exception {
        List<JsonNode> received = new ArrayList<>();
        int emptyPolls = 0;
        while (emptyPolls < 2) {
            List<Message> batch = stack.sqsClient().receiveMessage(r -> r.queueUrl(stack.queueUrl("EscalationQueue"))
                    .maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
            for (Message m : batch) {
                received.add(JSON.readTree(m.body()));
                stack.sqsClient().deleteMessage(d -> d.queueUrl(stack.queueUrl("EscalationQueue")).receiptHandle(m.receiptHandle()));
            }
        }
        return received;
    }

    @Test
    void milestonesFireOnceEachAndReachTheTemplatesRuleTarget() throws Exception {
        SellerId seller = new SellerId("sla-once-" + System.nanoTime());
        InboundMessage m = waitingTicket(seller, "a1");

        assertThat(sweep(T0.plus(Duration.ofHours(3))).run().fired()).isZero();
        SlaSweep.Report atRisk = sweep(T0.plus(Duration.ofHours(4).plusMinutes(1))).run();
        assertThat(atRisk.fired()).isGreaterThanOrEqualTo(1);
        sweep(T0.plus(Duration.ofHours(4).plusMinutes(2))).run();

        List<JsonNode> first = escalations().stream()
                .filter(e -> e.get("detail").get("sellerId").asText().equals(seller.value())).toList();
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.get("detail-type").asText()).isEqualTo("SlaAtRisk");
            assertThat(e.get("source").asText()).isEqualTo(EventBridgePublisher.SOURCE);
            assertThat(e.get("detail").get("ticketId").asText()).isEqualTo(m.ticketId().value());
            assertThat(e.get("detail").get("milestoneAt").asText()).isEqualTo(T0.plus(Duration.ofHours(4)).toString());
        });

        sweep(T0.plus(Duration.ofHours(25))).run();
        List<JsonNode> later = escalations().stream()
                .filter(e -> e.get("detail").get("sellerId").asText().equals(seller.value())).toList();
        assertThat(later).extracting(e -> e.get("detail-type").asText())
                .containsExactlyInAnyOrder("SlaTargetBreached", "SlaBreached");
        assertThat(index.due(0, T0.plus(Duration.ofDays(10)), 100)).noneMatch(t -> t.seller().equals(seller));
    }

    @Test
    void overlappingSweepsFireEveryMilestoneExactlyOnce() throws Exception {
        SellerId seller = new SellerId("sla-race-" + System.nanoTime());
        int tickets = 60;
        for (int i = 0; i < tickets; i++) {
            waitingTicket(seller, "r" + i);
        }
        Instant now = T0.plus(Duration.ofHours(5));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<SlaSweep.Report>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<SlaSweep.Report> run = () -> sweep(now).run();
                runs.add(pool.submit(run));
            }
            int fired = 0;
            for (Future<SlaSweep.Report> r : runs) {
                fired += r.get().fired();
            }
            // Tickets of other tests may be due too; ours fired exactly once each, whichever sweep did it.
            List<JsonNode> ours = escalations().stream()
                    .filter(e -> e.get("detail").get("sellerId").asText().equals(seller.value())).toList();
            assertThat(ours).hasSize(tickets);
            assertThat(ours).extracting(e -> e.get("detail").get("eventId").asText()).doesNotHaveDuplicates();
            assertThat(ours).allSatisfy(e -> assertThat(e.get("detail-type").asText()).isEqualTo("SlaAtRisk"));
            assertThat(fired).isGreaterThanOrEqualTo(tickets);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBusOutageLosesNothingAndTheNextSweepPublishesOnce() throws Exception {
        SellerId seller = new SellerId("sla-outage-" + System.nanoTime());
        waitingTicket(seller, "o1");
        Instant now = T0.plus(Duration.ofHours(4).plusMinutes(30));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (EventBridgeClient down = client(URI.create("http://127.0.0.1:" + closedPort))) {
            SlaSweep.Report failed = new SlaSweep(index, new EventBridgePublisher(down, bus), Clock.fixed(now, ZoneOffset.UTC)).run();
            assertThat(failed.publishFailures()).isGreaterThanOrEqualTo(1);
        }
        assertThat(escalations()).noneMatch(e -> e.get("detail").get("sellerId").asText().equals(seller.value()));

        sweep(now.plusSeconds(60)).run();
        sweep(now.plusSeconds(120)).run();
        List<JsonNode> ours = escalations().stream()
                .filter(e -> e.get("detail").get("sellerId").asText().equals(seller.value())).toList();
        assertThat(ours).singleElement().satisfies(e -> assertThat(e.get("detail-type").asText()).isEqualTo("SlaAtRisk"));
    }

    @Test
    void theScheduledFunctionRunsTheSweepAsLambdaWould() throws Exception {
        String sample = java.nio.file.Files.readString(ProjectRoot.find().resolve("events/SlaSweepFunction/Sweep.json"));
        JsonNode report = JSON.readTree(stack.invoke("SlaSweepFunction", sample));
        assertThat(report.has("due")).isTrue();
        assertThat(report.get("publishFailures").asInt()).isZero();
    }
}
