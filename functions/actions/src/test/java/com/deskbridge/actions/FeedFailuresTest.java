package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What Amazon and crashes can do to a feed: FATAL feeds, per-message errors, lost notifications, feeds that never
 * finish, and a failure injected between every step of the submitter followed by a re-run.
 */
class FeedFailuresTest {

    private static RefundRequest refund(int order) {
        return RefundRequest.partial(Harness.orderId(order), AdjustmentReason.CustomerReturn, List.of(new RefundRequest.Line(
                Harness.itemId(order, 2), 1, List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, "20.00", "EUR")))));
    }

    private static List<OrderAction> request(Harness h, String ticket, int... orders) {
        List<OrderAction> out = new ArrayList<>();
        for (int o : orders) {
            out.add(((ActionResult.Accepted) h.wiring.orderActions().requestRefund(h.sellerId, ticket, "agent-1",
                    "key-" + UUID.randomUUID(), refund(o), null)).action());
        }
        return out;
    }

    private static ActionState state(Harness h, OrderAction a) {
        return h.action(a.ticketId(), a.actionId()).state();
    }

    @Test
    void aFatalFeedFailsEveryActionInItWithTheReason() {
        try (Harness h = Harness.inMemory()) {
            String ticket = h.ticket();
            List<OrderAction> actions = request(h, ticket, 10, 11);
            h.simulator.failNextFeeds(1);
            h.wiring.submitter().run();
            h.passTime(Duration.ofMinutes(3));
            h.deliverNotifications();
            for (OrderAction a : actions) {
                OrderAction now = h.action(ticket, a.actionId());
                assertThat(now.state()).isEqualTo(ActionState.FAILED);
                assertThat(now.error()).contains("FATAL").contains(now.feedId());
            }
            assertThat(h.evidence.chain(h.sellerId, ticket).entries()).extracting(EvidenceChain.Entry::kind).last().isEqualTo("ACTION_FAILED");
        }
    }

    @Test
    void aMessageErrorFailsOnlyThatActionWithAmazonsTextAndRedeliveryChangesNothing() {
        try (Harness h = Harness.inMemory(w -> ((ArrayNode) w.path("spapi").path("feedResults").path("messageErrors")).addObject()
                .put("amazonOrderId", Harness.orderId(21)).put("resultMessageCode", 18028)
                .put("resultDescription", "The refund amount exceeds the amount still refundable for this order item."), FaultPoint.NONE)) {
            String ticket = h.ticket();
            List<OrderAction> actions = request(h, ticket, 20, 21, 22);
            assertThat(h.wiring.submitter().run().feedsSubmitted()).isEqualTo(1);
            h.passTime(Duration.ofMinutes(3));
            List<String> delivered = new ArrayList<>(h.notifications);
            h.deliverNotifications();
            assertThat(state(h, actions.get(0))).isEqualTo(ActionState.COMPLETED);
            assertThat(state(h, actions.get(2))).isEqualTo(ActionState.COMPLETED);
            OrderAction failed = h.action(ticket, actions.get(1).actionId());
            assertThat(failed.state()).isEqualTo(ActionState.FAILED);
            assertThat(failed.error()).isEqualTo("18028: The refund amount exceeds the amount still refundable for this order item.");
            int entries = h.evidence.chain(h.sellerId, ticket).entries().size();
            h.notifications.addAll(delivered);
            h.deliverNotifications();
            assertThat(h.evidence.chain(h.sellerId, ticket).entries()).hasSize(entries);
            assertThat(h.evidence.chain(h.sellerId, ticket).verify().valid()).isTrue();
            // a failed refund gives its amount back: the same refund may be requested again
            assertThat(h.wiring.orderActions().requestRefund(h.sellerId, ticket, "agent-1", "key-" + UUID.randomUUID(), refund(21), null))
                    .isInstanceOf(ActionResult.Accepted.class);
        }
    }

    @Test
    void withoutANotificationThePollerCompletesTheAction() {
        try (Harness h = Harness.inMemory()) {
            String ticket = h.ticket();
            OrderAction a = request(h, ticket, 30).get(0);
            h.wiring.submitter().run();
            h.passTime(Duration.ofMinutes(3));
            h.notifications.clear(); // lost
            assertThat(h.wiring.poller().run().polled()).isZero(); // too early to poll
            h.passTime(Duration.ofMinutes(3));
            FeedPoller.Poll poll = h.wiring.poller().run();
            assertThat(poll.finished()).isEqualTo(1);
            assertThat(state(h, a)).isEqualTo(ActionState.COMPLETED);
        }
    }

    @Test
    void aFeedWithoutResultBecomesAttentionRequiredAndALateResultStillLands() {
        try (Harness h = Harness.inMemory(w -> ((com.fasterxml.jackson.databind.node.ObjectNode) w.path("spapi")).put("feedProcessingDelay", "PT3H"),
                FaultPoint.NONE)) {
            String ticket = h.ticket();
            OrderAction a = request(h, ticket, 31).get(0);
            h.wiring.submitter().run();
            h.passTime(Duration.ofMinutes(30));
            h.wiring.poller().run();
            assertThat(state(h, a)).isEqualTo(ActionState.SUBMITTED);
            h.passTime(Duration.ofMinutes(31));
            assertThat(h.wiring.poller().run().attention()).isEqualTo(1);
            OrderAction flagged = h.action(ticket, a.actionId());
            assertThat(flagged.state()).isEqualTo(ActionState.ATTENTION_REQUIRED);
            assertThat(flagged.error()).contains("No result from Amazon").contains("status IN_QUEUE");
            h.passTime(Duration.ofHours(2));
            h.deliverNotifications();
            assertThat(state(h, a)).isEqualTo(ActionState.COMPLETED);
        }
    }

    /** Throws once when the submitter reaches {@code step}. */
    private static FaultPoint crashOnceAt(String step) {
        AtomicBoolean fired = new AtomicBoolean();
        return reached -> {
            if (reached.equals(step) && fired.compareAndSet(false, true)) {
                throw new IllegalStateException("injected crash after step " + step);
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"attempt-created", "claimed", "planned", "uploaded", "upload-recorded", "creating", "created",
            "submitted-recorded"})
    void aCrashAfterAnyStepNeverSendsAnActionTwice(String step) {
        try (Harness h = Harness.inMemory(Harness.warnOnEveryOrder(), crashOnceAt(step))) {
            String ticket = h.ticket();
            List<OrderAction> actions = request(h, ticket, 40, 41, 42);
            assertThatThrownBy(() -> h.wiring.submitter().run()).hasMessageContaining("injected crash");
            // the retried Lambda: immediately (lease still running), then after the lease
            h.wiring.submitter().run();
            h.passTime(FeedSubmitter.DEFAULT_LEASE.plusSeconds(1));
            h.wiring.submitter().run();
            h.wiring.submitter().run();
            h.passTime(Duration.ofMinutes(3));
            h.deliverNotifications();
            h.passTime(Duration.ofMinutes(6));
            h.wiring.poller().run();

            Map<String, Integer> processed = h.processedMessagesByOrder();
            assertThat(processed.values()).allMatch(n -> n == 1);
            List<ActionState> states = actions.stream().map(a -> state(h, a)).toList();
            if (step.equals("creating")) {
                // createFeed was never sent, but nobody can know that: a person decides, nothing is resubmitted
                assertThat(processed).isEmpty();
                assertThat(states).containsOnly(ActionState.ATTENTION_REQUIRED);
            } else if (step.equals("created")) {
                // Amazon has the feed but its id was lost: applied once, flagged for a person, never sent again
                assertThat(processed).hasSize(3);
                assertThat(states).containsOnly(ActionState.ATTENTION_REQUIRED);
            } else {
                assertThat(processed).hasSize(3);
                assertThat(states).containsOnly(ActionState.COMPLETED);
            }
            assertThat(h.simulator.throttledCount("feeds.createFeed")).isZero();
            assertThat(h.evidence.chain(h.sellerId, ticket).verify().valid()).isTrue();
        }
    }
}
