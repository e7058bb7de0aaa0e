package com.deskbridge.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.intake.IntakeHandler;
import com.deskbridge.adapters.dynamodb.DynamoDbDueIndex;
import com.deskbridge.domain.escalation.DueIndex;
import com.deskbridge.domain.escalation.DueTicket;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.escalation.SlaSweep;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.ComplianceCorpusEvaluation;
import com.deskbridge.intent.IntentClassifier;
import com.deskbridge.intent.IntentCorpusEvaluation;
import com.deskbridge.intent.LoadTimes;
import com.deskbridge.nlp.testing.IntentRecord;
import com.deskbridge.nlp.testing.ReplyRecord;
import com.deskbridge.nlp.testing.Throughput;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.dynamodb.TableProvisioner;
import com.deskbridge.localaws.template.TableSpec;
import com.deskbridge.sla.EventBridgePublisher;
import java.time.Clock;
import java.time.ZoneOffset;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Benchmarks whose results are ratios measured in one run, against a baseline measured in the same run
 * (README: Benchmarks). Not tests: they print, they do not assert.
 * <ol>
 *   <li>Intake: messages per second through {@link IntakeHandler} (SQS batches of 10 channel envelopes) against
 *       the bare DynamoDB transactions the handler must make for the same messages. Target: at most 1.5x.</li>
 *   <li>The SLA sweep with many waiting tickets, and intent detection.</li>
 *   <li>Cold start of every function ({@link ColdStarts}): fresh JVM against a trivial handler, and the first request
 *       after SnapStart priming against the median of the next 100. Target: at most 2x.</li>
 * </ol>
 * {@code -Dbench.only=coldstarts} runs the cold starts alone.
 */
public final class Benchmarks {
    private static final int WARMUP = 300;
    private static final int PER_ROUND = 1000;
    private static final int ROUNDS = 4;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 && args[0].startsWith("--project=") ? args[0].substring(10) : ".")
                .toAbsolutePath().normalize();
        boolean coldStartsOnly = "coldstarts".equals(System.getProperty("bench.only"));
        if (!coldStartsOnly) {
            try (LocalAwsStack stack = LocalAwsStack.builder().template(project.resolve("template.yaml"))
                    .pollers(false).schedules(false).log(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .start()) {
                System.out.println("Deskbridge benchmarks (JDK " + Runtime.version() + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores), DynamoDB Local at " + stack.dynamoDbEndpoint());
                double intakeRatio = intake(stack);
                SweepFigures sweep = sweep(stack);
                languageModels(project);
                System.out.println();
                System.out.printf(Locale.ROOT, "SUMMARY intake handler/bare-writes = %.2fx (target <= 1.5x: %s)%n",
                        intakeRatio, intakeRatio <= 1.5 ? "met" : "NOT met");
                System.out.printf(Locale.ROOT, "SUMMARY sweep 100k/10k open      = %.2fx (target <= 1.5x: %s)%n",
                        sweep.timeRatio(), sweep.timeRatio() <= 1.5 ? "met" : "NOT met");
                System.out.printf(Locale.ROOT, "SUMMARY sweep items read per due = %.2f (target <= 1.2: %s)%n",
                        sweep.itemsPerDue(), sweep.itemsPerDue() <= 1.2 ? "met" : "NOT met");
            }
        }
        // every SnapStart function, against the whole local system (its own stack: after this one is closed)
        ColdStarts.report(ColdStarts.run(project, Boolean.getBoolean("bench.writeClassLists")));
        System.exit(0); // DynamoDB Local leaves non-daemon threads behind
    }

    // ------------------------------------------------------------------ intake

    private static double intake(LocalAwsStack stack) {
        String table = stack.tableName("TicketsTable");
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        DynamoDbTicketStore store = new DynamoDbTicketStore(dynamo, table);
        IntakeHandler handler = new IntakeHandler(); // the Lambda path: wiring from the environment the stack published
        Instant expires = Instant.now().plus(Duration.ofDays(30));

        bare(dynamo, store, expires, WARMUP);
        viaHandler(handler, WARMUP);
        long bareNanos = 0;
        long handlerNanos = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // Alternate which goes first, so that a table growing through the run weighs on both alike.
            if (round % 2 == 0) {
                bareNanos += bare(dynamo, store, expires, PER_ROUND);
                handlerNanos += viaHandler(handler, PER_ROUND);
            } else {
                handlerNanos += viaHandler(handler, PER_ROUND);
                bareNanos += bare(dynamo, store, expires, PER_ROUND);
            }
        }
        int messages = ROUNDS * PER_ROUND;
        double bareRate = messages / (bareNanos / 1e9);
        double handlerRate = messages / (handlerNanos / 1e9);
        System.out.println();
        System.out.println("Intake (" + ROUNDS + " alternating rounds of " + PER_ROUND + " messages, after " + WARMUP + " warm-up each)");
        System.out.printf(Locale.ROOT, "  bare DynamoDB transactions : %8.1f msg/s  (%.3f ms/msg)%n", bareRate, bareNanos / 1e6 / messages);
        System.out.printf(Locale.ROOT, "  IntakeHandler, batches of 10: %8.1f msg/s  (%.3f ms/msg)%n", handlerRate, handlerNanos / 1e6 / messages);
        double ratio = (double) handlerNanos / bareNanos;
        System.out.printf(Locale.ROOT, "  handler cost / bare writes : %.2fx%n", ratio);
        return ratio;
    }

    private static long bare(DynamoDbClient dynamo, DynamoDbTicketStore store, Instant expires, int count) {
        List<TransactWriteItemsRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(store.appendTransaction(message("bare"), expires, Triage.NONE));
        }
        long start = System.nanoTime();
        for (TransactWriteItemsRequest request : requests) {
            dynamo.transactWriteItems(request);
        }
        return System.nanoTime() - start;
    }

    private static long viaHandler(IntakeHandler handler, int count) {
        List<SQSEvent> batches = new ArrayList<>();
        for (int i = 0; i < count; i += 10) {
            List<SQSEvent.SQSMessage> records = new ArrayList<>();
            for (int j = i; j < Math.min(count, i + 10); j++) {
                SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
                m.setMessageId(UUID.randomUUID().toString());
                m.setBody(envelope());
                m.setAttributes(Map.of("SentTimestamp", Long.toString(System.currentTimeMillis())));
                records.add(m);
            }
            SQSEvent event = new SQSEvent();
            event.setRecords(records);
            batches.add(event);
        }
        long start = System.nanoTime();
        int failures = 0;
        for (SQSEvent batch : batches) {
            SQSBatchResponse response = handler.handleRequest(batch, null);
            failures += response.getBatchItemFailures().size();
        }
        long elapsed = System.nanoTime() - start;
        if (failures > 0) {
            throw new IllegalStateException(failures + " intake failures during the benchmark: the figures would be wrong");
        }
        return elapsed;
    }

    private static InboundMessage message(String prefix) {
        String id = prefix + "-" + UUID.randomUUID();
        return new InboundMessage(Channel.EBAY, new SellerId("bench-seller"), "EBAY_DE", id, "thread-" + id,
                "12-34567-89012", new Sender("buyer_bench", "Bench Buyer"), "Where is my order?",
                "Hello, I ordered a week ago and nothing has arrived yet. Could you send me the tracking number?",
                false, List.of(), Instant.now());
    }

    private static String envelope() {
        String id = "handler-" + UUID.randomUUID();
        return "{\"version\":1,\"type\":\"channel-message\",\"channel\":\"ebay\",\"sellerId\":\"bench-seller\","
                + "\"marketplaceId\":\"EBAY_DE\",\"externalMessageId\":\"" + id + "\",\"threadKey\":\"thread-" + id + "\","
                + "\"orderId\":\"12-34567-89012\",\"sender\":{\"address\":\"buyer_bench\",\"displayName\":\"Bench Buyer\"},"
                + "\"subject\":\"Where is my order?\",\"body\":\"Hello, I ordered a week ago and nothing has arrived yet. "
                + "Could you send me the tracking number?\",\"receivedAt\":\"" + Instant.now() + "\"}";
    }

    // ------------------------------------------------------------------ intent detection

    /**
     * The language models on the frozen test splits (per language and label), their throughput on one thread, and
     * their load times in a fresh JVM running the intake function's shaded jar (which also proves the trimmed
     * Lingua and fastutil classes suffice).
     */
    private static void languageModels(Path project) throws IOException, InterruptedException {
        Path intentModule = project.resolve("functions/intent");
        List<IntentRecord> split = IntentCorpusEvaluation.testSplit(intentModule);
        IntentClassifier classifier = new IntentClassifier();
        System.out.println();
        System.out.println(IntentCorpusEvaluation.intents("Intent detection, frozen test split", split, classifier)
                .format());
        System.out.println(IntentCorpusEvaluation.languages("Language detection, frozen test split", split,
                classifier).format());
        IntentCorpusEvaluation.throughput(split, classifier, 2); // warm-up
        Throughput t = IntentCorpusEvaluation.throughput(split, classifier, 10);
        System.out.printf(Locale.ROOT, "  intent + language throughput: %.0f messages/s on one thread (%.0f µs each)%n",
                t.perSecond(), t.microsPerItem());

        List<ReplyRecord> replies = ComplianceCorpusEvaluation.testSplit(project.resolve("functions/compliance"));
        ComplianceChecker checker = new ComplianceChecker();
        System.out.println(ComplianceCorpusEvaluation.evaluate("Compliance, frozen test split", replies, checker)
                .format());
        ComplianceCorpusEvaluation.throughput(replies, checker, 2);
        Throughput c = ComplianceCorpusEvaluation.throughput(replies, checker, 10);
        System.out.printf(Locale.ROOT, "  compliance throughput: %.0f replies/s on one thread (%.0f µs each)%n",
                c.perSecond(), c.microsPerItem());

        Path intakeJar = project.resolve("functions/intake/target/deskbridge-intake-function.jar");
        try (var tests = Files.list(intentModule.resolve("target"))) {
            Path testJar = tests.filter(f -> f.getFileName().toString().endsWith("-tests.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the intent test jar is missing: run through Maven"));
            System.out.println("  model load times, fresh JVM on the intake function jar: "
                    + LoadTimes.measure(intakeJar + java.io.File.pathSeparator + testJar));
        }
    }

    // ------------------------------------------------------------------ SLA sweep

    /** Sweep cost with many more waiting tickets but the same number due. */
    record SweepFigures(double timeRatio, double itemsPerDue) {
    }

    private static SweepFigures sweep(LocalAwsStack stack) {
        TableSpec template = stack.model().tables().get("TicketsTable");
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        EventBridgeClient events = AwsClients.configure(EventBridgeClient.builder(), "EVENTBRIDGE").build();
        String bus = stack.environment().get("EVENT_BUS_NAME");
        int due = 1_000;
        long[] small = sweepOnce(dynamo, events, bus, template, "SweepBench10k", 10_000, due);
        long[] large = sweepOnce(dynamo, events, bus, template, "SweepBench100k", 100_000, due);
        double ratio = (double) large[0] / small[0];
        double itemsPerDue = (double) large[1] / large[2];
        System.out.println();
        System.out.println("SLA sweep (" + due + " due; each ticket fires one milestone and publishes to the local bus)");
        System.out.printf(Locale.ROOT, "  10,000 waiting : %6.0f ms, %d items read, %d fired%n", small[0] / 1e6, small[1], small[2]);
        System.out.printf(Locale.ROOT, "  100,000 waiting: %6.0f ms, %d items read, %d fired%n", large[0] / 1e6, large[1], large[2]);
        System.out.printf(Locale.ROOT, "  time ratio %.2fx, items read per due ticket %.2f%n", ratio, itemsPerDue);
        return new SweepFigures(ratio, itemsPerDue);
    }

    /** @return {sweep nanos, items read from the index, milestones fired} */
    private static long[] sweepOnce(DynamoDbClient dynamo, EventBridgeClient events, String bus, TableSpec template,
                                    String table, int waiting, int due) {
        new TableProvisioner(dynamo).ensure(new TableSpec(template.logicalId(), table, template.attributeDefinitions(),
                template.keySchema(), template.globalSecondaryIndexes(), template.localSecondaryIndexes(),
                template.ttlAttribute(), template.streamViewType()));
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        SellerId seller = new SellerId("bench-sweep");
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int i = 0; i < waiting; i++) {
            Instant milestone = i < due ? now.minusSeconds(600 + i) : now.plus(Duration.ofHours(1)).plusSeconds(i);
            TicketId ticket = TicketId.forConversation(seller, Channel.EBAY, table + "-" + i);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(DynamoDbDueIndex.waitingTicketItem(seller, ticket, Map.of(MilestoneKind.AT_RISK, milestone)))
                    .build()).build());
            if (batch.size() == 25 || i == waiting - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> request = pending;
                    var response = dynamo.batchWriteItem(b -> b.requestItems(request));
                    pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                }
                batch.clear();
            }
        }
        long[] itemsRead = {0};
        DynamoDbDueIndex real = new DynamoDbDueIndex(dynamo, table);
        DueIndex counting = new DueIndex() {
            @Override
            public int shards() {
                return real.shards();
            }

            @Override
            public List<DueTicket> due(int shard, Instant at, int limit) {
                List<DueTicket> found = real.due(shard, at, limit);
                itemsRead[0] += found.size();
                return found;
            }

            @Override
            public boolean recordFired(DueTicket observed, java.util.Set<MilestoneKind> fired, Priority priority,
                                       List<com.deskbridge.domain.escalation.DomainEvent> domainEvents, Instant at) {
                return real.recordFired(observed, fired, priority, domainEvents, at);
            }

            @Override
            public boolean claimOutbox(DueTicket observed, Instant at) {
                return real.claimOutbox(observed, at);
            }

            @Override
            public boolean settle(DueTicket observed, java.util.Optional<Instant> next) {
                return real.settle(observed, next);
            }
        };
        SlaSweep sweep = new SlaSweep(counting, new EventBridgePublisher(events, bus), Clock.fixed(now, ZoneOffset.UTC));
        long start = System.nanoTime();
        SlaSweep.Report report = sweep.run();
        long elapsed = System.nanoTime() - start;
        if (report.fired() != due || report.publishFailures() > 0) {
            throw new IllegalStateException("sweep fired " + report.fired() + " of " + due + " (" + report + ")");
        }
        return new long[] {elapsed, itemsRead[0], report.fired()};
    }
}
