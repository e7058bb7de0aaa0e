package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.channels.ActionOutcome;
import com.deskbridge.channels.ChannelUnavailableException;
import com.deskbridge.channels.OrderActionGateway;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.FulfilmentChannel;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import com.deskbridge.spapi.Region;
import com.deskbridge.logistics.EvidenceChain;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds and cancellations of eBay and Shopify orders (issue 15) through {@link OrderActions}: a channel ticket whose
 * channel knows the order is validated against the channel's live order, executed there at once with the action's id
 * as the channel's idempotency key, and confirmed; never put in Amazon's feed queue. The gateway is an in-memory fake
 * (the real ones are tested against their simulators in functions/ebay and functions/shopify); the store is DynamoDB
 * Local (shared by this module's tests).
 */
class ChannelActionsTest {

    private static final String ORDER = "27-10000-00001";

    private final Harness h = Harness.inMemory();
    private final FakeGateway gateway = new FakeGateway();
    private final OrderActions svc = new OrderActions(h.store, h.spApi, SellerAccounts.byPrefix("deskbridge/spapi/", Region.EU),
            new AuditTrail(h.evidence), h.triggers::add, h.clock)
            .withChannels((seller, channel) -> channel.equals("ebay") ? Optional.of(new ChannelGateways.Gateway("ebay", gateway))
                    : Optional.empty());

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aRefundOfAChannelOrderIsSentOnceConfirmedAndNeverQueuedForAFeed() {
        String ticket = h.channelTicket("ebay");
        String key = "key-" + UUID.randomUUID();
        RefundRequest full = RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn);

        OrderAction done = accepted(svc.requestRefund(h.sellerId, ticket, "agent-1", key, full, null));
        assertThat(done.state()).isEqualTo(ActionState.COMPLETED);
        assertThat(done.channel()).isEqualTo(new OrderAction.ChannelRef("ebay", "RF-1", null));
        assertThat(done.amount()).isEqualTo("43.90");
        assertThat(gateway.refundKeys).containsExactly(done.actionId());

        ActionResult again = svc.requestRefund(h.sellerId, ticket, "agent-1", key, full, null);
        assertThat(again).isInstanceOfSatisfying(ActionResult.Accepted.class, a -> {
            assertThat(a.replayed()).isTrue();
            assertThat(a.action().actionId()).isEqualTo(done.actionId());
        });
        assertThat(gateway.refundKeys).as("the same key sends nothing again").hasSize(1);
        assertThat(h.triggers).as("Amazon's feed submitter is not involved").isEmpty();
        assertThat(h.store.feedQueue().queued(100)).extracting(FeedQueue.QueuedRef::actionId).doesNotContain(done.actionId());
        assertThat(h.wiring.submitter().run().feedsSubmitted()).isZero();
    }

    @Test
    void aPendingRefundIsSubmittedUntilTheChannelConfirmsItWhenTheAgentLooks() {
        gateway.settled = false;
        String ticket = h.channelTicket("ebay");
        OrderAction pending = accepted(svc.requestRefund(h.sellerId, ticket, "agent-1", "key-" + UUID.randomUUID(),
                RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn), null));
        assertThat(pending.state()).isEqualTo(ActionState.SUBMITTED);
        assertThat(pending.channel().pendingKind()).isEqualTo("refund");
        assertThat(svc.action(h.sellerId, ticket, pending.actionId()).orElseThrow().state()).isEqualTo(ActionState.SUBMITTED);

        gateway.settled = true;
        OrderAction confirmed = svc.action(h.sellerId, ticket, pending.actionId()).orElseThrow();
        assertThat(confirmed.state()).isEqualTo(ActionState.COMPLETED);
        assertThat(confirmed.channel().pendingKind()).isNull();
        assertThat(gateway.refundKeys).hasSize(1);
    }

    @Test
    void anUnreachableChannelLeavesTheActionQueuedAndTheSameKeySendsIt() {
        gateway.unavailable = 1;
        String ticket = h.channelTicket("ebay");
        String key = "key-" + UUID.randomUUID();
        RefundRequest full = RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn);
        OrderAction queued = accepted(svc.requestRefund(h.sellerId, ticket, "agent-1", key, full, null));
        assertThat(queued.state()).isEqualTo(ActionState.QUEUED);
        assertThat(h.store.feedQueue().queued(100)).extracting(FeedQueue.QueuedRef::actionId).doesNotContain(queued.actionId());

        OrderAction sent = accepted(svc.requestRefund(h.sellerId, ticket, "agent-1", key, full, null));
        assertThat(sent.actionId()).isEqualTo(queued.actionId());
        assertThat(sent.state()).isEqualTo(ActionState.COMPLETED);
        assertThat(gateway.refundKeys).containsExactly(queued.actionId(), queued.actionId());
    }

    @Test
    void theChannelsRefusalIsTheActionsFinalStateAndTheRulesRefuseBeforeAnythingIsRecorded() {
        gateway.refuse = true;
        String ticket = h.channelTicket("ebay");
        OrderAction failed = accepted(svc.requestRefund(h.sellerId, ticket, "agent-1", "key-" + UUID.randomUUID(),
                RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn), null));
        assertThat(failed.state()).isEqualTo(ActionState.FAILED);
        assertThat(failed.error()).contains("ebay refused it (refund-failed)");

        ActionResult refused = svc.requestCancellation(h.sellerId, ticket, "agent-1", "key-" + UUID.randomUUID(),
                new CancellationRequest(ORDER, CancelReason.GeneralAdjustment), null);
        assertThat(refused).as("a shipped order is not cancelled").isInstanceOf(ActionResult.Rejected.class);
        assertThat(svc.actions(h.sellerId, ticket)).hasSize(1);
    }

    @Test
    void anOrderTheChannelDoesNotKnowTakesAmazonsPath() {
        String ticket = h.channelTicket("ebay");
        ActionResult result = svc.requestRefund(h.sellerId, ticket, "agent-1", "key-" + UUID.randomUUID(),
                RefundRequest.full("999-0000000-0000000", AdjustmentReason.CustomerReturn), null);
        assertThat(result).as("Amazon's path: the SP-API simulator has no such order")
                .isInstanceOfSatisfying(ActionResult.Rejected.class, r -> assertThat(r.violations())
                        .extracting(Violation::reason).containsExactly(ViolationReason.FOREIGN_ORDER));
        assertThat(gateway.refundKeys).isEmpty();
    }

    @Test
    void theScheduleConfirmsAPendingRefundNobodyReadsOnceEvenWhenTwoRunsOverlap() throws Exception {
        gateway.settled = false;
        String ticket = h.channelTicket("ebay");
        OrderAction pending = accepted(svc.requestRefund(h.sellerId, ticket, "agent-1", "key-" + UUID.randomUUID(),
                RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn), null));
        assertThat(pending.state()).isEqualTo(ActionState.SUBMITTED);

        confirmations().run();
        assertThat(h.store.get(h.sellerId, ticket, pending.actionId()).orElseThrow().state())
                .as("eBay still reports the refund pending").isEqualTo(ActionState.SUBMITTED);
        int asked = gateway.confirmsFor(h.sellerId);
        assertThat(asked).as("asked by the executor, then by the schedule").isEqualTo(2);
        confirmations().run();
        assertThat(gateway.confirmsFor(h.sellerId)).as("not due again before its next check").isEqualTo(asked);

        gateway.settled = true;
        h.clock.advance(Duration.ofMinutes(2));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ChannelConfirmations.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ChannelConfirmations run = confirmations();
                runs.add(pool.submit(() -> {
                    start.await();
                    return run.run();
                }));
            }
            start.countDown();
            for (Future<ChannelConfirmations.Run> r : runs) {
                r.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        OrderAction done = h.store.get(h.sellerId, ticket, pending.actionId()).orElseThrow();
        assertThat(done.state()).isEqualTo(ActionState.COMPLETED);
        assertThat(done.channel().pendingKind()).isNull();
        assertThat(gateway.confirmsFor(h.sellerId)).as("one of the two overlapping runs asked eBay").isEqualTo(asked + 1);
        assertThat(h.evidence.chain(h.sellerId, ticket).entries()).extracting(EvidenceChain.Entry::kind)
                .filteredOn("ACTION_COMPLETED"::equals).as("recorded once").hasSize(1);
        assertThat(h.store.confirmations().due(h.clock.instant().plus(Duration.ofDays(1)), 1000))
                .extracting(ConfirmationIndex.ConfirmationRef::actionId).as("off the schedule").doesNotContain(pending.actionId());
        assertThat(gateway.refundKeys).hasSize(1);
    }

    @Test
    void aChannelThatStaysDownLeavesTheRefundSubmittedThenAttentionRequiredAndALateAnswerStillLands() {
        gateway.settled = false;
        String ticket = h.channelTicket("ebay");
        OrderAction pending = accepted(svc.requestRefund(h.sellerId, ticket, "agent-1", "key-" + UUID.randomUUID(),
                RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn), null));
        gateway.confirmDown = true;
        confirmations().run();
        assertThat(h.store.get(h.sellerId, ticket, pending.actionId()).orElseThrow().state()).isEqualTo(ActionState.SUBMITTED);

        h.clock.advance(ChannelConfirmations.DEFAULT_ATTENTION_AFTER.plusMinutes(1));
        confirmations().run();
        OrderAction flagged = h.store.get(h.sellerId, ticket, pending.actionId()).orElseThrow();
        assertThat(flagged.state()).isEqualTo(ActionState.ATTENTION_REQUIRED);
        assertThat(flagged.error()).contains("No confirmation from ebay RF-1 after 24 hours (ebay could not be reached)");
        assertThat(h.evidence.chain(h.sellerId, ticket).entries()).extracting(EvidenceChain.Entry::kind)
                .contains("ACTION_ATTENTION_REQUIRED");

        gateway.confirmDown = false;
        gateway.settled = true;
        h.clock.advance(ChannelConfirmations.DEFAULT_MAX_INTERVAL);
        confirmations().run();
        OrderAction late = h.store.get(h.sellerId, ticket, pending.actionId()).orElseThrow();
        assertThat(late.state()).as("eBay's late answer beats 'attention required'").isEqualTo(ActionState.COMPLETED);
        assertThat(late.error()).isNull();
    }

    private ChannelConfirmations confirmations() {
        return new ChannelConfirmations(h.store, (seller, channel) -> channel.equals("ebay")
                ? Optional.of(new ChannelGateways.Gateway("ebay", gateway)) : Optional.empty(),
                new AuditTrail(h.evidence), ChannelConfirmations.Settings.DEFAULT, h.clock);
    }

    private static OrderAction accepted(ActionResult result) {
        assertThat(result).isInstanceOf(ActionResult.Accepted.class);
        return ((ActionResult.Accepted) result).action();
    }

    /** One eBay order (one line: 39.00 + 4.90 shipping, shipped), refunds settling when {@link #settled}. */
    private static final class FakeGateway implements OrderActionGateway {
        final List<String> refundKeys = new CopyOnWriteArrayList<>();
        final List<BigDecimal> refunded = new ArrayList<>();
        volatile boolean settled = true;
        volatile boolean refuse;
        volatile int unavailable;
        volatile boolean confirmDown;
        final List<String> confirmedSellers = new CopyOnWriteArrayList<>();

        int confirmsFor(String sellerId) {
            return (int) confirmedSellers.stream().filter(sellerId::equals).count();
        }

        @Override
        public Optional<OrderSnapshot> liveOrder(String sellerId, String orderId) {
            if (!orderId.equals(ORDER)) {
                return Optional.empty();
            }
            Money zero = Money.zero("EUR");
            Map<RefundComponent, Money> credited = new EnumMap<>(RefundComponent.class);
            refunded.forEach(a -> credited.merge(RefundComponent.GOODWILL, Money.of(a.toPlainString(), "EUR"), Money::plus));
            return Optional.of(new OrderSnapshot(sellerId, orderId, "EBAY_DE", FulfilmentChannel.FBM, "Shipped", true, "EUR",
                    List.of(new OrderSnapshot.Item("10070000000101", "LAMP-1", 1, 1, Money.of("39.00", "EUR"),
                            Money.of("4.90", "EUR"), zero, zero, credited, 0))));
        }

        @Override
        public List<Violation> cancellationViolations(OrderSnapshot order, CancellationRequest request) {
            return request.reason() == CancelReason.GeneralAdjustment
                    ? List.of(new Violation("reason", ViolationReason.REQUIRED, "not an eBay cancel reason")) : List.of();
        }

        @Override
        public ActionOutcome refund(RefundCommand command, String idempotencyKey) {
            refundKeys.add(idempotencyKey);
            if (unavailable > 0) {
                unavailable--;
                throw new ChannelUnavailableException("eBay call limit used up", null, null);
            }
            if (refuse) {
                return new ActionOutcome.Rejected(null, "refund-failed", "eBay could not complete the refund.");
            }
            refunded.add(command.total().amount());
            return new ActionOutcome.Pending("RF-1", "refund", "issued");
        }

        @Override
        public ActionOutcome cancel(OrderCancellationCommand command, String idempotencyKey) {
            return new ActionOutcome.Done("C-1", "cancelled", false);
        }

        @Override
        public ActionOutcome confirm(String sellerId, String orderId, ActionOutcome.Pending pending) {
            confirmedSellers.add(sellerId);
            if (confirmDown) {
                throw new ChannelUnavailableException("eBay answered 503", null, null);
            }
            return settled ? new ActionOutcome.Done(pending.externalId(), "eBay refunded the buyer", false) : pending;
        }
    }
}
