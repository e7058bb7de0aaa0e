package com.deskbridge.enrichment;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.logistics.TrackingFreshness;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.spapi.InMemoryQuotaProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Issue 4's measurements, printed, never asserted: (1) time from a request on the enrichment queue (ElasticMQ) to the
 * ticket carrying full order and tracking context, with the simulators adding realistic latency (SP-API 300 ms,
 * carriers 500 ms), p50/p95; (2) carrier calls per ticket with and without the tracking cache. Excluded from the
 * normal build (tag "benchmark"); run with
 * {@code mvn -o verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=EnrichmentBenchmarkTest}.
 */
@Tag("benchmark")
class EnrichmentBenchmarkTest {
    private static final int SELLERS = 4;
    private static final int TICKETS_PER_SELLER = 10;
    private static final int WORKERS = 8;
    private static final int ENRICHMENT_VISIBILITY_SECONDS = 180;
    private static final long ARRIVAL_GAP_MS = 300;
    /** -Denrichment.benchmark.primed=true: the handler runs its SnapStart priming before the cold round. */
    private static final boolean PRIMED = Boolean.getBoolean("enrichment.benchmark.primed");
    /**
     * -Denrichment.benchmark.secretsLatencyMs=N: each secret read that is not cached takes N ms, as a GetSecretValue
     * round trip does in AWS (default 30); cached as the function's SecretsManagerSource caches them (found or missing,
     * longer than a run lasts).
     */
    private static final long SECRETS_LATENCY_MS = Long.getLong("enrichment.benchmark.secretsLatencyMs", 30);

    /**
     * Two rounds of {@link #TICKETS_PER_SELLER} tickets per seller through one handler: "cold" is a container's first
     * messages (handler just built: no access token, no connection, nothing compiled yet), "warm" the same container's
     * next messages, new tickets about new orders and parcels (tokens cached, connections open): what Lambda's reused
     * containers see. Each round prints p50/p95/max and the upstream calls per message.
     */
    @Test
    void latencyFromQueueToEnrichedTicket() throws Exception {
        try (Fixture f = new Fixture()) {
            ((ObjectNode) f.world.get("spapi")).put("latencyMs", 300);
            for (String c : List.of("dhl", "ups")) {
                ((ObjectNode) f.world.get("carriers")).putObject(c).put("latencyMs", 500);
            }
            List<String> sellers = new ArrayList<>();
            for (int s = 0; s < SELLERS; s++) {
                String seller = s == 0 ? f.seller : f.seller + "-" + s;
                if (s > 0) {
                    f.addSeller(seller);
                }
                sellers.add(seller);
            }
            List<String[]> cold = work(f, sellers);
            List<String[]> warm = work(f, sellers);
            f.start();
            AtomicInteger secretReads = new AtomicInteger();
            EnrichmentWiring w = f.wiring(Fixture.longWindowsOnly(10_000), new InMemoryQuotaProvider(f.clock), null,
                    latent(f.secrets(), secretReads));
            EnrichmentHandler handler = new EnrichmentHandler(w);
            RefreshTest.drainEnrichmentQueue(f.seller);
            System.out.println();
            if (PRIMED) { // what a container restored from a SnapStart snapshot starts with (no upstream called)
                for (int i = 0; i < com.deskbridge.adapters.aws.SnapStartPriming.ROUNDS; i++) {
                    handler.prime();
                }
            }
            System.out.printf("[benchmark] secret reads take %d ms each when not cached (-Denrichment.benchmark.secretsLatencyMs)%n",
                    SECRETS_LATENCY_MS);
            round(PRIMED ? "cold after SnapStart priming (a restored container's first messages)"
                    : "cold (a container's first messages)", f, w, handler, cold, secretReads);
            round("warm (the same container's next messages)", f, w, handler, warm, secretReads);
        }
    }

    /** A round's tickets (created in the table) about new FBM orders, half with a DHL and half with a UPS parcel. */
    private static List<String[]> work(Fixture f, List<String> sellers) {
        List<String[]> work = new ArrayList<>();
        for (String seller : sellers) {
            for (int i = 0; i < TICKETS_PER_SELLER; i++) {
                String number = i % 2 == 0 ? f.dhlNumber() : "1ZDB" + TestStack.unique() + "00000022";
                String orderId = f.orderId();
                f.fbmOrder(orderId, "+P2D", (i % 2 == 0 ? "DHL:" : "UPS:") + number).put("sellerId", seller);
                f.shipment(i % 2 == 0 ? "dhl" : "ups", number, "+PT20H", i % 2 == 0
                        ? "-PT6H|transit|Processed|Koeln" : "-PT6H|AR|Arrived at Facility|Atlanta|I");
                String ticketId = Fixture.ticketId();
                var item = new java.util.HashMap<>(DynamoDbTicketEnrichmentStore.key(seller, ticketId));
                item.put("ticketId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(ticketId));
                TestStack.get().dynamoDbClient().putItem(p -> p.tableName(f.table).item(item));
                work.add(new String[] {seller, ticketId, orderId});
            }
        }
        return work;
    }

    private static final List<String> SP_API_OPERATIONS = List.of("lwa.token", "orders.getOrder", "ordersV0.getOrder",
            "ordersV0.getOrderItems", "fba.getFulfillmentOrder", "fba.getPackageTrackingDetails", "reports.createReport",
            "reports.getReport", "reports.getReportDocument");

    private static int spApiCalls(Fixture f) {
        return SP_API_OPERATIONS.stream().mapToInt(f.spApi::callCount).sum();
    }

    /** Every carrier's calls: the parcels are at DHL and UPS, but a ticket's first enrichment readies every carrier's token. */
    private static int carrierCalls(Fixture f, boolean tokens) {
        return com.deskbridge.sim.carriers.CarrierSimulator.CARRIERS.stream()
                .mapToInt(c -> tokens ? f.carriers.tokenCallCount(c) : f.carriers.callCount(c)).sum();
    }

    /** Paced arrivals on the enrichment queue, {@link #WORKERS} workers receiving and handling them; prints the figures. */
    private static void round(String label, Fixture f, EnrichmentWiring w, EnrichmentHandler handler, List<String[]> work,
                              AtomicInteger secretReads) throws Exception {
        int secretsBefore = secretReads.get();
        int spApiBefore = spApiCalls(f);
        int lwaBefore = f.spApi.callCount("lwa.token");
        int getOrderBefore = f.spApi.callCount("orders.getOrder");
        int carrierBefore = carrierCalls(f, false);
        int carrierTokensBefore = carrierCalls(f, true);
        String url = TestStack.get().queueUrl("EnrichmentTestQueue");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> handling = Collections.synchronizedList(new ArrayList<>());
        List<Long> waiting = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        for (int i = 0; i < WORKERS; i++) {
            workers.submit(() -> {
                while (done.get() < work.size()) {
                    List<Message> batch = TestStack.get().sqsClient().receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(1).waitTimeSeconds(1)
                            // the enrichment queue's own visibility timeout (template.yaml), not the test queue's
                            // 1 s (made for the retry tests): a request that takes longer than 1 s would be
                            // handed to a second worker and enriched twice
                            .visibilityTimeout(ENRICHMENT_VISIBILITY_SECONDS)
                            .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
                    for (Message m : batch) {
                        Long sent = sentAt.get(EnrichmentRequest.parse(m.body()).ticketId());
                        if (sent != null) {
                            waiting.add(System.nanoTime() - sent);
                        }
                        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                        record.setMessageId(m.messageId());
                        record.setBody(m.body());
                        record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
                        SQSEvent e = new SQSEvent();
                        e.setRecords(List.of(record));
                        long start = System.nanoTime();
                        boolean ok = handler.handleRequest(e, null).getBatchItemFailures().isEmpty();
                        handling.add(System.nanoTime() - start);
                        if (ok) {
                            TestStack.get().sqsClient().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
                            String ticket = EnrichmentRequest.parse(m.body()).ticketId();
                            latencies.add(System.nanoTime() - sentAt.get(ticket));
                            done.incrementAndGet();
                        }
                    }
                }
                return null;
            });
        }
        for (String[] x : work) {
            Thread.sleep(ARRIVAL_GAP_MS); // paced arrivals (about 3 tickets/s), below the workers' capacity
            sentAt.put(x[1], System.nanoTime());
            TestStack.get().sqsClient().sendMessage(m -> m.queueUrl(url).messageBody(EnrichmentRequest.body(x[0], x[1], x[2],
                    "A1PA6795UKMFR9", EnrichmentRequest.Reason.TICKET_CREATED)));
        }
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.MINUTES);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int complete = 0;
        for (String[] x : work) {
            complete += w.store().read(x[0], x[1]).orElseThrow().state() == EnrichmentState.COMPLETE ? 1 : 0;
        }
        double n = work.size();
        System.out.printf("[benchmark] %s: enrichment latency, queue -> ticket with order + tracking (SP-API 300 ms, carriers 500 ms,"
                + " %d workers, arrivals every %d ms, %d tickets, %d COMPLETE): p50 %d ms, p95 %d ms, max %d ms%n", label, WORKERS,
                ARRIVAL_GAP_MS, sorted.size(), complete, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                ms(sorted.get(sorted.size() - 1)));
        List<Long> h = new ArrayList<>(handling);
        Collections.sort(h);
        System.out.printf("[benchmark]   of which handler time (SP-API + carrier + DynamoDB Local): p50 %d ms, p95 %d ms%n",
                ms(percentile(h, 50)), ms(percentile(h, 95)));
        List<Long> q = new ArrayList<>(waiting);
        Collections.sort(q);
        System.out.printf("[benchmark]   of which waiting on the queue (send to receive): p50 %d ms, p95 %d ms%n",
                ms(percentile(q, 50)), ms(percentile(q, 95)));
        System.out.printf("[benchmark]   upstream calls per message: SP-API %.2f (getOrder %.2f, LWA token %.2f), carriers %.2f"
                        + " (tracking %.2f, token %.2f)%n", (spApiCalls(f) - spApiBefore) / n,
                (f.spApi.callCount("orders.getOrder") - getOrderBefore) / n, (f.spApi.callCount("lwa.token") - lwaBefore) / n,
                (carrierCalls(f, false) + carrierCalls(f, true) - carrierBefore - carrierTokensBefore) / n,
                (carrierCalls(f, false) - carrierBefore) / n, (carrierCalls(f, true) - carrierTokensBefore) / n);
        System.out.printf("[benchmark]   secret reads (not cached) per message: %.2f%n", (secretReads.get() - secretsBefore) / n);
    }

    /**
     * {@code secrets} as the function's SecretsManagerSource answers them: a read not cached takes
     * {@link #SECRETS_LATENCY_MS} (counted in {@code reads}); then the secret, or its absence, is cached. Concurrent first
     * reads of one name each pay (and count) their own read, as they would in the function.
     */
    private static com.deskbridge.http.SecretSource latent(com.deskbridge.http.SecretSource secrets, AtomicInteger reads) {
        Map<String, Map<String, String>> found = new ConcurrentHashMap<>();
        Map<String, Boolean> missing = new ConcurrentHashMap<>();
        return name -> {
            Map<String, String> known = found.get(name);
            if (known != null) {
                return known;
            }
            if (missing.containsKey(name)) {
                throw new com.deskbridge.http.MissingSecretException(name);
            }
            reads.incrementAndGet();
            try {
                Thread.sleep(SECRETS_LATENCY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Map<String, String> value = secrets.secret(name);
                found.put(name, value);
                return value;
            } catch (com.deskbridge.http.MissingSecretException e) {
                missing.put(name, true);
                throw e;
            }
        };
    }

    @Test
    void carrierCallsPerTicketWithAndWithoutCache() {
        try (Fixture f = new Fixture()) {
            int parcels = 10;
            int ticketsPerParcel = 4;
            List<String[]> orders = new ArrayList<>();
            for (int p = 0; p < parcels; p++) {
                String dhl = f.dhlNumber();
                String orderId = f.orderId();
                f.fbmOrder(orderId, "+P2D", "DHL:" + dhl);
                f.shipment("dhl", dhl, "+PT20H", "-PT6H|transit|Processed|Koeln");
                orders.add(new String[] {orderId});
            }
            f.start();
            EnrichmentWiring cached = f.wiring(Fixture.longWindowsOnly(10_000), new InMemoryQuotaProvider(f.clock));
            int tickets = 0;
            for (String[] o : orders) {
                for (int t = 0; t < ticketsPerParcel; t++) {
                    f.clock.advance(Duration.ofSeconds(2)); // SP-API getOrder refills 0.5/s per seller
                    cached.service().enrich(f.request(f.ticket(o[0], null), o[0]));
                    tickets++;
                }
            }
            int withCache = f.carriers.callCount("dhl");
            TrackingFreshness never = TrackingFreshness.defaults();
            for (TrackingStatus s : TrackingStatus.values()) {
                never = never.with(s, Duration.ofNanos(1));
            }
            EnrichmentWiring uncached = withFreshness(f, never);
            for (String[] o : orders) {
                for (int t = 0; t < ticketsPerParcel; t++) {
                    f.clock.advance(Duration.ofSeconds(2));
                    uncached.service().enrich(f.request(f.ticket(o[0], null), o[0]));
                }
            }
            int withoutCache = f.carriers.callCount("dhl") - withCache;
            System.out.printf("%n[benchmark] carrier calls per ticket (%d tickets about %d parcels): with cache %.2f, without cache %.2f%n",
                    tickets, parcels, withCache / (double) tickets, withoutCache / (double) tickets);
        }
    }

    private static EnrichmentWiring withFreshness(Fixture f, TrackingFreshness freshness) {
        EnrichmentWiring base = f.wiring(Fixture.longWindowsOnly(10_000), new InMemoryQuotaProvider(f.clock));
        EnrichmentService service = new EnrichmentService(
                new SpApiOrderSource(f.spApiClient(), SellerAccounts.bySecretPrefix("spapi/", "A1PA6795UKMFR9")),
                base.tracking(), new DynamoDbTrackingCache(TestStack.get().dynamoDbClient(), TestStack.table(), f.clock, freshness),
                base.store(), new com.deskbridge.adapters.dynamodb.DynamoDbEvidenceLog(TestStack.get().dynamoDbClient(),
                TestStack.table(), f.clock), events -> { }, f.clock, java.util.Locale.GERMANY);
        return new EnrichmentWiring(service, base.store(), base.cache(), base.quotas(), base.tracking(), base.agentRefresh(),
                base.scheduledRefresh(), base.deadLetters(), base.maxReceives(), base.clock());
    }

    private static long percentile(List<Long> sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
