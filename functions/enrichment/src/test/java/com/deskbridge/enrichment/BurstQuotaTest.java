package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.spapi.InMemoryQuotaProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: "Quotas hold under a burst of 1,000 tickets." A burst of tickets about as many different DHL parcels
 * arrives at once and is handled by two independent function instances (two Lambda containers) in parallel, five
 * times more parcels than the DHL budget allows in a day (in our configuration and in the carrier simulator alike).
 * The simulator counts every request and answers 429 above its quota, so "never exceeded" is checked where the
 * carrier sees it.
 *
 * <p>Every ticket costs about ten DynamoDB Local calls, so the suite runs 100 tickets of 10 sellers against a budget
 * of 20 (the property is the five-fold oversubscription raced by two containers on eight threads, not the count);
 * {@code -Dburst.sellers=50 -Dburst.ordersPerSeller=20 -Dburst.dhlPerDay=40} runs the 1,000 tickets
 * (about 75 s here).
 */
class BurstQuotaTest {
    private static final int SELLERS = Integer.getInteger("burst.sellers", 10);
    private static final int ORDERS_PER_SELLER = Integer.getInteger("burst.ordersPerSeller", 10);
    private static final int DHL_PER_DAY = Integer.getInteger("burst.dhlPerDay", 20);

    private final Fixture f = new Fixture(TestStack.isolatedTable());

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aBurstOfTicketsNeverExceedsTheDhlBudgetAndNeverGetsA429() throws Exception {
        f.carrierQuota("dhl", DHL_PER_DAY, "P1D");
        List<String[]> work = new ArrayList<>(); // seller, ticket, order
        List<String> sellers = new ArrayList<>();
        String base = f.seller;
        for (int s = 0; s < SELLERS; s++) {
            String seller = s == 0 ? base : base + "-" + s;
            if (s > 0) {
                f.addSeller(seller);
            }
            sellers.add(seller);
        }
        for (int s = 0; s < SELLERS; s++) {
            for (int o = 0; o < ORDERS_PER_SELLER; o++) {
                String dhl = f.dhlNumber();
                String orderId = f.orderId();
                f.fbmOrder(orderId, "+P2D", "DHL:" + dhl).put("sellerId", sellers.get(s));
                f.shipment("dhl", dhl, "+PT20H", "-PT6H|transit|Processed|Koeln");
                work.add(new String[] {sellers.get(s), null, orderId});
            }
        }
        f.start();
        // two containers: each its own SP-API client and in-process limiters, sharing only the table
        EnrichmentWiring a = f.wiring(Fixture.longWindowsOnly(DHL_PER_DAY), new InMemoryQuotaProvider(f.clock));
        EnrichmentWiring b = f.wiring(Fixture.longWindowsOnly(DHL_PER_DAY), new InMemoryQuotaProvider(f.clock));
        for (String[] w : work) {
            w[1] = ticketFor(w[0], w[2]);
        }
        EnrichmentHandler handlerA = new EnrichmentHandler(a);
        EnrichmentHandler handlerB = new EnrichmentHandler(b);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<SQSBatchResponse>> batches = new ArrayList<>();
        for (int from = 0; from < work.size(); from += 10) {
            List<String[]> slice = work.subList(from, from + 10);
            EnrichmentHandler h = (from / 10) % 2 == 0 ? handlerA : handlerB;
            batches.add(() -> h.handleRequest(event(slice), null));
        }
        int failures = 0;
        try {
            for (Future<SQSBatchResponse> r : pool.invokeAll(batches)) {
                failures += r.get().getBatchItemFailures().size();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(f.carriers.callCount("dhl")).isEqualTo(DHL_PER_DAY);
        assertThat(f.carriers.rejectedCount("dhl")).isZero();
        assertThat(failures).isZero();
        int complete = 0;
        int waiting = 0;
        for (String[] w : work) {
            TicketEnrichment e = a.store().read(w[0], w[1]).orElseThrow();
            if (e.state() == EnrichmentState.COMPLETE) {
                complete++;
            } else {
                assertThat(e.state()).isEqualTo(EnrichmentState.PARTIAL);
                assertThat(e.detail()).contains("DHL quota used up").contains("will be fetched after");
                assertThat(e.order()).isNotNull();
                waiting++;
            }
        }
        assertThat(complete).isEqualTo(DHL_PER_DAY);
        assertThat(waiting).isEqualTo(work.size() - DHL_PER_DAY);

        // the schedule picks the waiting parcels up when the budget opens again, never more than it allows
        TrackingRefresh.Report now = a.scheduledRefresh().run();
        assertThat(now.planned()).isZero();
        Instant midnight = f.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).plus(Duration.ofDays(1));
        f.clock.advance(Duration.between(f.clock.instant(), midnight).plusMinutes(1));
        TrackingRefresh.Report tomorrow = a.scheduledRefresh().run();
        assertThat(tomorrow.due()).isEqualTo(work.size()); // all in transit: yesterday's answers are stale too
        assertThat(tomorrow.planned()).isEqualTo(DHL_PER_DAY);
        assertThat(tomorrow.requestsQueued()).isEqualTo(DHL_PER_DAY);
        assertThat(RefreshTest.drainEnrichmentQueue(f.seller)).hasSize(DHL_PER_DAY);
    }

    private String ticketFor(String seller, String orderId) {
        String ticketId = Fixture.ticketId();
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item =
                new java.util.HashMap<>(DynamoDbTicketEnrichmentStore.key(seller, ticketId));
        item.put("ticketId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(ticketId));
        item.put("orderId", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(orderId));
        TestStack.get().dynamoDbClient().putItem(p -> p.tableName(f.table).item(item));
        return ticketId;
    }

    private static SQSEvent event(List<String[]> slice) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (String[] w : slice) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m-" + w[1]);
            m.setBody(EnrichmentRequest.body(w[0], w[1], w[2], "A1PA6795UKMFR9", EnrichmentRequest.Reason.TICKET_CREATED));
            m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(m);
        }
        SQSEvent e = new SQSEvent();
        e.setRecords(records);
        return e;
    }
}
