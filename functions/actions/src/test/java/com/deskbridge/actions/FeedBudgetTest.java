package com.deskbridge.actions;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared createFeed budget: burst 15, then one per ~120 s, never exceeded, whoever asks concurrently. */
class FeedBudgetTest {

    private static com.deskbridge.quota.QuotaCounters counters() {
        return new com.deskbridge.quota.DynamoDbQuotaCounters(Harness.stack().dynamoDbClient(), Harness.stack().tableName("TicketsTable"));
    }

    @Test
    void concurrentTakersNeverGetMoreThanTheBurstAndThenOnePerPeriod() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-20T10:00:00Z"));
        com.deskbridge.quota.TokenBucket budget = com.deskbridge.quota.TokenBucket.createFeed(counters(), clock);
        String seller = "ABUDGET" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(budget.available(seller)).isEqualTo(15);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            takes.add(pool.submit(() -> budget.tryTake(seller)));
        }
        int granted = 0;
        for (Future<Boolean> f : takes) {
            granted += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(granted).isEqualTo(15);
        assertThat(budget.tryTake(seller)).isFalse();
        clock.advance(Duration.ofSeconds(120)); // 0.996 tokens at 0.0083/s: not yet
        assertThat(budget.tryTake(seller)).isFalse();
        clock.advance(Duration.ofMillis(500));
        assertThat(budget.tryTake(seller)).isTrue();
        assertThat(budget.tryTake(seller)).isFalse();
        clock.advance(Duration.ofHours(5));
        assertThat(budget.available(seller)).isEqualTo(15);
    }

    @Test
    void refundsBeyondTheBudgetWaitAndShareFeedsAndCreateFeedIsNeverThrottled() {
        try (Harness h = new Harness()) {
            String ticket = h.ticket();
            java.time.Instant t0 = h.clock.instant();
            List<OrderAction> actions = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                RefundRequest r = RefundRequest.partial(Harness.orderId(60 + i), AdjustmentReason.CustomerReturn, List.of(
                        new RefundRequest.Line(Harness.itemId(60 + i, 2), 1,
                                List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, "20.00", "EUR")))));
                actions.add(((ActionResult.Accepted) h.wiring.orderActions().requestRefund(h.sellerId, ticket, "agent",
                        "key-" + UUID.randomUUID(), r, null)).action());
                h.wiring.submitter().run(); // one trigger per request
                assertWithinBudget(h, t0);
                h.clock.advance(Duration.ofSeconds(3));
            }
            for (int step = 0; step < 120 && actions.stream().anyMatch(a -> h.action(ticket, a.actionId()).state() == ActionState.QUEUED); step++) {
                h.clock.advance(Duration.ofSeconds(10));
                h.wiring.submitter().run();
                assertWithinBudget(h, t0);
            }
            assertThat(actions).allMatch(a -> h.action(ticket, a.actionId()).state() == ActionState.SUBMITTED);
            assertThat(h.simulator.callCount("feeds.createFeed")).isLessThan(40).isGreaterThan(5);
            assertThat(h.simulator.throttledCount("feeds.createFeed")).isZero();
        }
    }

    /** Never more createFeed calls than burst 15 plus one per ~120.5 s since the first. */
    private static void assertWithinBudget(Harness h, java.time.Instant t0) {
        double elapsed = Duration.between(t0, h.clock.instant()).toMillis() / 1000.0;
        assertThat(h.simulator.callCount("feeds.createFeed")).isLessThanOrEqualTo(15 + (int) Math.floor(elapsed * 0.0083));
    }

    @Test
    void sharedQuotaGrantsTheBurstThenSaysWhenTheNextPermitComes() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-20T10:00:00Z"));
        SharedQuotaProvider quotas = new SharedQuotaProvider(counters(), clock, SharedQuotaProvider.DEFAULT_SHARED, new com.deskbridge.spapi.InMemoryQuotaProvider(clock));
        String seller = "AQUOTA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        com.deskbridge.http.Quota containerA = quotas.quota(com.deskbridge.spapi.SpApiOperation.ORDERS_GET_ORDER, seller);
        com.deskbridge.http.Quota containerB = quotas.quota(com.deskbridge.spapi.SpApiOperation.ORDERS_GET_ORDER, seller);
        int granted = 0;
        for (int i = 0; i < 20; i++) {
            granted += containerA.take() instanceof com.deskbridge.http.Quota.Granted ? 1 : 0;
            granted += containerB.take() instanceof com.deskbridge.http.Quota.Granted ? 1 : 0;
        }
        assertThat(granted).isEqualTo(30); // getOrder burst, shared by both
        assertThat(containerA.take()).isEqualTo(new com.deskbridge.http.Quota.Denied(Duration.ofSeconds(2))); // 0.5/s
        clock.advance(Duration.ofSeconds(2));
        assertThat(containerB.take()).isInstanceOf(com.deskbridge.http.Quota.Granted.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SharedQuotaProvider(counters(), clock,
                java.util.Set.of(com.deskbridge.spapi.SpApiOperation.FEEDS_CREATE_FEED), quotas)).isInstanceOf(IllegalArgumentException.class);
    }
}
