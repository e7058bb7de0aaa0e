package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 "Exactly once": 1,000 concurrent submissions of 10 distinct refunds (100 duplicates each: double clicks,
 * retried API calls) from a thread pool, then concurrent submitter runs (redelivered triggers, overlapping Lambdas):
 * exactly 10 actions and exactly 10 adjustment messages in what the simulator received.
 */
class ConcurrencyTest {

    @Test
    void thousandConcurrentDuplicatesOfTenRefundsMakeExactlyTenAdjustments() throws Exception {
        try (Harness h = new Harness(Harness.warnOnEveryOrder(), FaultPoint.NONE)) {
            List<String> tickets = new ArrayList<>();
            List<RefundRequest> requests = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                tickets.add(h.ticket());
                requests.add(RefundRequest.partial(Harness.orderId(50 + i), AdjustmentReason.CustomerReturn, List.of(
                        new RefundRequest.Line(Harness.itemId(50 + i, 1), 1,
                                List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, "15.00", "EUR"))))));
            }
            List<Integer> submissions = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                submissions.add(i % 10);
            }
            Collections.shuffle(submissions, new Random(11));
            Map<Integer, Set<String>> actionIdsByRefund = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(32);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ActionResult>> futures = new ArrayList<>();
            for (int refund : submissions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    ActionResult r = h.wiring.orderActions().requestRefund(h.sellerId, tickets.get(refund), "agent-" + refund,
                            "refund-key-" + refund, requests.get(refund), null);
                    if (r instanceof ActionResult.Accepted a) {
                        actionIdsByRefund.computeIfAbsent(refund, k -> ConcurrentHashMap.newKeySet()).add(a.action().actionId());
                    }
                    return r;
                }));
            }
            start.countDown();
            for (Future<ActionResult> f : futures) {
                assertThat(f.get()).isInstanceOf(ActionResult.Accepted.class);
            }
            assertThat(actionIdsByRefund).hasSize(10);
            assertThat(actionIdsByRefund.values()).allMatch(ids -> ids.size() == 1);
            long stored = tickets.stream().mapToLong(t -> h.store.byTicket(h.sellerId, t).size()).sum();
            assertThat(stored).isEqualTo(10);

            // overlapping submitter runs (redelivered trigger messages, two containers)
            List<Future<FeedSubmitter.Run>> runs = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return h.wiring.submitter().run();
                }));
            }
            go.countDown();
            int submitted = 0;
            for (Future<FeedSubmitter.Run> r : runs) {
                submitted += r.get().actionsSubmitted();
            }
            pool.shutdown();
            assertThat(submitted).isEqualTo(10);
            h.passTime(Duration.ofMinutes(3));
            h.deliverNotifications();

            Map<String, Integer> processed = h.processedMessagesByOrder();
            assertThat(processed.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
            assertThat(processed.keySet()).isEqualTo(requests.stream().map(RefundRequest::orderId).collect(Collectors.toSet()));
            for (int i = 0; i < 10; i++) {
                String id = actionIdsByRefund.get(i).iterator().next();
                assertThat(h.action(tickets.get(i), id).state()).isEqualTo(ActionState.COMPLETED);
                assertThat(h.evidence.chain(h.sellerId, tickets.get(i)).verify().valid()).isTrue();
            }
            assertThat(h.simulator.throttledCount("feeds.createFeed")).isZero();
            System.out.printf("concurrency: 1000 submissions of 10 refunds -> %d actions, %d adjustment messages, %d createFeed calls, %d getOrder calls%n",
                    stored, processed.values().stream().mapToInt(Integer::intValue).sum(), h.simulator.callCount("feeds.createFeed"),
                    h.simulator.callCount("orders.getOrder"));
        }
    }

    @Test
    void concurrentDifferentRefundsOfOneOrderNeverTogetherExceedWhatWasPaid() throws Exception {
        try (Harness h = new Harness()) {
            String ticket = h.ticket();
            // 20 agents, 20 keys, each refunding 20.00 of a line the buyer paid 30.00 for: only one may pass
            RefundRequest r = RefundRequest.partial(Harness.orderId(70), AdjustmentReason.CustomerReturn, List.of(
                    new RefundRequest.Line(Harness.itemId(70, 1), 1,
                            List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, "20.00", "EUR")))));
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ActionResult>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int agent = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return h.wiring.orderActions().requestRefund(h.sellerId, ticket, "agent-" + agent, "same-order-key-" + agent, r, null);
                }));
            }
            start.countDown();
            int accepted = 0;
            int rejected = 0;
            for (Future<ActionResult> f : futures) {
                ActionResult result = f.get();
                if (result instanceof ActionResult.Accepted) {
                    accepted++;
                } else if (result instanceof ActionResult.Rejected) {
                    rejected++;
                }
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(1);
            assertThat(rejected).isEqualTo(19);
            assertThat(h.store.byTicket(h.sellerId, ticket)).hasSize(1);
        }
    }
}
