package com.deskbridge.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.domain.inbox.InboxOverview;
import com.deskbridge.domain.inbox.InboxView;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * DynamoDB items read per GET /inbox (the overview: every view's count and first five tickets) at 1,000 and at 20,000
 * open tickets of one seller, written through the real intake path ({@link DynamoDbTicketStore#append}), against
 * DynamoDB Local. Prints the ratio (issue 13's target: at most 1.1); asserts only that the inbox read the same views.
 * {@code mvn -B -o -pl functions/adapters -am verify -Dtest=InboxBenchmarkTest -Ddeskbridge.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class InboxBenchmarkTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String[] INTENTS = {"WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM", "REFUND_REQUEST", "CANCELLATION_REQUEST",
            "RETURN", "PRODUCT_QUESTION", "POSITIVE_FEEDBACK", "OTHER", "DAMAGED_ITEM"};

    @Test
    @EnabledIfSystemProperty(named = "deskbridge.benchmark", matches = "true")
    void itemsReadPerInboxDoNotGrowWithTheNumberOfTickets() {
        try (TicketsTableFixture table = TicketsTableFixture.start()) {
            Counting counting = new Counting(table.client());
            long small = measure(table, counting, "bench-small", 1_000);
            long large = measure(table, counting, "bench-large", 20_000);
            double ratio = (double) large / small;
            System.out.printf(Locale.ROOT, "[benchmark] inbox items read per GET /inbox: %d at 1,000 open tickets, %d at 20,000;"
                    + " ratio %.3f (target <= 1.1)%n", small, large, ratio);
            assertThat(small).isPositive();
        }
    }

    private static long measure(TicketsTableFixture table, Counting counting, String sellerId, int tickets) {
        SellerId seller = new SellerId(sellerId);
        DynamoDbTicketStore store = new DynamoDbTicketStore(table.client(), table.name());
        long start = System.nanoTime();
        for (int i = 0; i < tickets; i++) {
            Instant at = T0.plusSeconds(i);
            String intent = INTENTS[i % INTENTS.length];
            InboundMessage m = new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", sellerId + "-m" + i, "th" + i, null,
                    new Sender("b" + i + "@marketplace.amazon.de", "Buyer"), "Subject " + i, "Body " + i, false, List.of(), at);
            store.append(m, T0.plusSeconds(90L * 86_400), new Triage(intent, i % 7 == 0 ? List.of("needs-triage") : List.of(),
                    Map.of(MilestoneKind.AT_RISK, at.plusSeconds(3 * 3600), MilestoneKind.TARGET_DUE, at.plusSeconds(6 * 3600),
                            MilestoneKind.MARKETPLACE_DUE, at.plusSeconds(86_400))));
        }
        System.out.printf(Locale.ROOT, "[benchmark] %,d tickets written through intake's transaction in %,d ms%n", tickets,
                (System.nanoTime() - start) / 1_000_000);
        DynamoDbInbox inbox = new DynamoDbInbox(counting, table.name());
        counting.reset();
        long t = System.nanoTime();
        InboxOverview overview = inbox.overview(seller, "agent-1", 5, T0.plusSeconds(3600));
        long micros = (System.nanoTime() - t) / 1000;
        long total = overview.views().stream().mapToLong(InboxOverview.ViewSummary::count).sum();
        System.out.printf(Locale.ROOT, "[benchmark] %,d open tickets: GET /inbox read %d items in %d requests (%d µs); %s%n",
                tickets, counting.items.get(), counting.requests.get(), micros,
                overview.views().stream().filter(v -> v.count() > 0).map(v -> v.view().wireName() + "=" + v.count()).toList());
        assertThat(overview.views().stream().filter(v -> v.view() == InboxView.PRODUCT_QUESTIONS).findFirst().orElseThrow()
                .count()).isEqualTo(tickets / INTENTS.length + (tickets % INTENTS.length > 5 ? 1 : 0));
        assertThat(total).isPositive();
        return counting.items.get();
    }

    /** Counts the items DynamoDB returns to the inbox's reads (the only calls it makes: Query and BatchGetItem). */
    private static final class Counting implements DynamoDbClient {
        private final DynamoDbClient delegate;
        final AtomicLong items = new AtomicLong();
        final AtomicLong requests = new AtomicLong();

        Counting(DynamoDbClient delegate) {
            this.delegate = delegate;
        }

        void reset() {
            items.set(0);
            requests.set(0);
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            QueryResponse response = delegate.query(request);
            requests.incrementAndGet();
            items.addAndGet(response.count());
            return response;
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            BatchGetItemResponse response = delegate.batchGetItem(request);
            requests.incrementAndGet();
            response.responses().values().forEach(list -> items.addAndGet(list.size()));
            return response;
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
