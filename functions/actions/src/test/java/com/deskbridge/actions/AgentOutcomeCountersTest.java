package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.adapters.logging.SecurityEvents;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundControls;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.spapi.Region;
import com.deskbridge.testing.SqsRecords;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 "refunds and cancellations requested with their outcome": the requesting agent's counters move in the write
 * that records the request and in the winning write of its final state, on DynamoDB Local with the SP-API simulator:
 * a replayed Idempotency-Key, result notifications delivered by two workers at once and again later, and racing
 * transitions each count once.
 */
class AgentOutcomeCountersTest {

    private static RefundRequest refund(int order) {
        return RefundRequest.partial(Harness.orderId(order), AdjustmentReason.CustomerReturn, List.of(new RefundRequest.Line(
                Harness.itemId(order, 2), 1, List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, "20.00", "EUR")))));
    }

    @Test
    void requestsAndFinalStatesAreCountedOncePerAgentThroughReplaysRedeliveriesAndRaces() throws Exception {
        try (Harness h = new Harness(w -> ((ArrayNode) w.path("spapi").path("feedResults").path("messageErrors")).addObject()
                .put("amazonOrderId", Harness.orderId(41)).put("resultMessageCode", 18028)
                .put("resultDescription", "The refund amount exceeds the amount still refundable for this order item."), FaultPoint.NONE)) {
            String ticket = h.ticket();
            OrderActions svc = h.wiring.orderActions();
            String key = "key-" + UUID.randomUUID();
            OrderAction completes = ((ActionResult.Accepted) svc.requestRefund(h.sellerId, ticket, "anna", key, refund(40), null)).action();
            ActionResult replay = svc.requestRefund(h.sellerId, ticket, "anna", key, refund(40), null);
            assertThat(replay).isInstanceOfSatisfying(ActionResult.Accepted.class, a -> assertThat(a.replayed()).isTrue());
            OrderAction fails = ((ActionResult.Accepted) svc.requestRefund(h.sellerId, ticket, "anna", "key-" + UUID.randomUUID(),
                    refund(41), null)).action();
            OrderAction cancel = ((ActionResult.Accepted) svc.requestCancellation(h.sellerId, ticket, "ben", "key-" + UUID.randomUUID(),
                    new CancellationRequest("028-5000001-0000001", CancelReason.BuyerCanceled), null)).action();

            assertThat(h.wiring.submitter().run().feedsSubmitted()).isEqualTo(2);
            h.passTime(Duration.ofMinutes(6));
            List<String> results = new ArrayList<>(h.notifications);
            h.notifications.clear();
            // two workers get the same result notifications while the poller finds the same feeds finished
            ExecutorService pool = Executors.newFixedThreadPool(3);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = List.of(
                    pool.submit(() -> { go.await(); return deliver(h, results); }),
                    pool.submit(() -> { go.await(); return deliver(h, results); }),
                    pool.submit(() -> { go.await(); return h.wiring.poller().run(); }));
            go.countDown();
            for (Future<?> f : runs) {
                f.get();
            }
            deliver(h, results); // redelivered later
            assertThat(h.action(ticket, completes.actionId()).state()).isEqualTo(ActionState.COMPLETED);
            assertThat(h.action(ticket, fails.actionId()).state()).isEqualTo(ActionState.FAILED);
            assertThat(h.action(ticket, cancel.actionId()).state()).isEqualTo(ActionState.COMPLETED);

            // a refund a lead rejects, decided by two leads at once
            RefundControls controls = new RefundControls(Map.of("EUR", new BigDecimal("10.00")), 0, Map.of(), 10);
            OrderActions approving = new OrderActions(h.store, h.spApi, SellerAccounts.byPrefix("deskbridge/spapi/", Region.EU),
                    new AuditTrail(h.evidence), h.triggers::add, h.clock, seller -> controls,
                    new ShipToWatch(h.dynamo, h.table, Duration.ofDays(30)),
                    new MoneyAlerts(new SecurityEvents(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            h.clock, "test"), new com.deskbridge.quota.DynamoDbQuotaCounters(h.dynamo, h.table), h.clock));
            OrderAction asked = ((ActionResult.Accepted) approving.requestRefund(h.sellerId, ticket, "ben", "key-" + UUID.randomUUID(),
                    refund(42), null)).action();
            assertThat(asked.state()).isEqualTo(ActionState.AWAITING_APPROVAL);
            CountDownLatch decide = new CountDownLatch(1);
            Future<ApprovalResult> lead1 = pool.submit(() -> { decide.await(); return approving.reject(h.sellerId, ticket, asked.actionId(), "lead-1"); });
            Future<ApprovalResult> lead2 = pool.submit(() -> { decide.await(); return approving.reject(h.sellerId, ticket, asked.actionId(), "lead-2"); });
            decide.countDown();
            lead1.get();
            lead2.get();
            assertThat(h.action(ticket, asked.actionId()).state()).isEqualTo(ActionState.REJECTED);

            // sixteen racing moves of one queued action to FAILED: one wins, one count
            OrderAction queued = ((ActionResult.Accepted) svc.requestRefund(h.sellerId, ticket, "carla", "key-" + UUID.randomUUID(),
                    refund(43), null)).action();
            CountDownLatch race = new CountDownLatch(1);
            List<Future<Optional<OrderAction>>> moves = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                moves.add(pool.submit(() -> {
                    race.await();
                    return h.store.transition(queued, ActionStore.states(ActionState.QUEUED), ActionState.FAILED, null,
                            Map.of("error", "test"), h.clock.instant());
                }));
            }
            race.countDown();
            int won = 0;
            for (Future<Optional<OrderAction>> m : moves) {
                won += m.get().map(a -> {
                    assertThat(a.state()).isEqualTo(ActionState.FAILED);
                    return 1;
                }).orElse(0);
            }
            pool.shutdown();
            assertThat(won).isEqualTo(1);

            Map<String, AgentCounters.AgentDay> days = new java.util.HashMap<>();
            LocalDate day = LocalDate.ofInstant(completes.requestedAt(), ZoneOffset.UTC);
            new AgentCounters(h.dynamo, h.table).agentDays(new SellerId(h.sellerId), day, day).forEach(d -> days.put(d.agentId(), d));
            assertThat(days.keySet()).containsExactlyInAnyOrder("anna", "ben", "carla");
            assertThat(days.get("anna").counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "act_REFUND_requested", 2L, "act_REFUND_COMPLETED", 1L, "act_REFUND_FAILED", 1L));
            assertThat(days.get("ben").counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "act_CANCELLATION_requested", 1L, "act_CANCELLATION_COMPLETED", 1L,
                    "act_REFUND_requested", 1L, "act_REFUND_REJECTED", 1L));
            assertThat(days.get("carla").counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "act_REFUND_requested", 1L, "act_REFUND_FAILED", 1L));
        }
    }

    /** Hands these notification bodies to the notification handler, as one SQS batch (first delivery). */
    private static int deliver(Harness h, List<String> bodies) {
        SQSEvent event = SqsRecords.event(bodies.stream().map(b -> SqsRecords.record(UUID.randomUUID().toString(), b, 1)).toList());
        return new FeedNotificationHandler(h.wiring).handleRequest(event, null).getBatchItemFailures().size();
    }
}
