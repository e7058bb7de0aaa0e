package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.EvidenceChain;
import com.deskbridge.logistics.EvidenceLog;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.ViolationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The request path and the happy feed path against DynamoDB Local and the SP-API simulator over HTTP. */
class OrderActionsTest {

    private final Harness h = Harness.inMemory();

    @AfterEach
    void close() {
        h.close();
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static RefundRequest partial(String orderId, String itemId, int qty, String amount) {
        return RefundRequest.partial(orderId, AdjustmentReason.CustomerReturn, List.of(new RefundRequest.Line(itemId, qty,
                List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, amount, "EUR")))));
    }

    @Test
    void refundGoesFromQueuedToCompletedWithAnIntactEvidenceChain() {
        String ticket = h.ticket();
        Instant buyerAsked = h.clock.instant().minus(Duration.ofMinutes(42));
        ActionResult r = h.wiring.orderActions().requestRefund(h.sellerId, ticket, "agent-7", key(),
                partial(Harness.orderId(1), Harness.itemId(1, 1), 1, "15.00"), buyerAsked);
        assertThat(r).isInstanceOf(ActionResult.Accepted.class);
        OrderAction queued = ((ActionResult.Accepted) r).action();
        assertThat(queued.state()).isEqualTo(ActionState.QUEUED);
        assertThat(queued.amount()).isEqualTo("15.00");
        assertThat(h.triggers).containsExactly(h.sellerId);

        FeedSubmitter.Run run = h.wiring.submitter().run();
        assertThat(run.feedsSubmitted()).isEqualTo(1);
        OrderAction submitted = h.action(ticket, queued.actionId());
        assertThat(submitted.state()).isEqualTo(ActionState.SUBMITTED);
        assertThat(submitted.feedId()).isNotBlank();
        assertThat(submitted.messageId()).isEqualTo(1L);
        // one SP-API client per container (ActionsWiring.Parts): validation, createFeedDocument and createFeed share
        // its Login with Amazon token; a second client (the createFeed one it used to have) would exchange it again
        assertThat(h.simulator.callCount("lwa.token")).as("Login with Amazon exchanges").isEqualTo(1);

        h.passTime(Duration.ofMinutes(2).plusSeconds(1));
        h.deliverNotifications();
        OrderAction done = h.action(ticket, queued.actionId());
        assertThat(done.state()).isEqualTo(ActionState.COMPLETED);
        assertThat(done.error()).isNull();

        EvidenceLog.StoredChain chain = h.evidence.chain(h.sellerId, ticket);
        assertThat(chain.verify().valid()).isTrue();
        assertThat(chain.entries()).extracting(EvidenceChain.Entry::kind).containsExactly(
                "ACTION_REQUESTED", "ACTION_VALIDATED", "ACTION_QUEUED", "ACTION_SUBMITTED", "ACTION_COMPLETED");
        EvidenceChain.Entry completed = chain.entries().get(4);
        assertThat(completed.payload()).containsEntry("actionId", queued.actionId()).containsEntry("feedId", submitted.feedId())
                .containsEntry("agentId", "agent-7").containsEntry("amount", "15.00").containsEntry("currency", "EUR")
                .containsEntry("actionType", "REFUND").containsEntry("note", "44 min since buyer request");
        assertThat(h.wiring.orderActions().actions(h.sellerId, ticket)).extracting(OrderAction::actionId).containsExactly(queued.actionId());
    }

    @Test
    void sameKeyReturnsTheFirstActionAndAnotherPayloadIsAConflict() {
        String ticket = h.ticket();
        String key = key();
        RefundRequest req = partial(Harness.orderId(2), Harness.itemId(2, 2), 1, "20.00");
        OrderAction first = ((ActionResult.Accepted) h.wiring.orderActions().requestRefund(h.sellerId, ticket, "a", key, req, null)).action();
        ActionResult again = h.wiring.orderActions().requestRefund(h.sellerId, ticket, "a", key, req, null);
        assertThat(again).isEqualTo(new ActionResult.Accepted(first, true));
        ActionResult other = h.wiring.orderActions().requestRefund(h.sellerId, ticket, "a", key,
                partial(Harness.orderId(2), Harness.itemId(2, 2), 1, "19.00"), null);
        assertThat(other).isEqualTo(new ActionResult.KeyReused(first.actionId()));
        assertThat(h.wiring.orderActions().requestRefund(h.sellerId, ticket, "a", "short", req, null))
                .isInstanceOf(ActionResult.InvalidKey.class);
    }

    @Test
    void partialRefundViolationsNameTheField() {
        String ticket = h.ticket();
        OrderActions svc = h.wiring.orderActions();
        ActionResult unknown = svc.requestRefund(h.sellerId, ticket, "a", key(), partial(Harness.orderId(3), "49999999999999", 1, "1.00"), null);
        assertViolation(unknown, "lines[0].orderItemId", ViolationReason.UNKNOWN_ITEM, 422);
        ActionResult quantity = svc.requestRefund(h.sellerId, ticket, "a", key(), partial(Harness.orderId(3), Harness.itemId(3, 1), 3, "1.00"), null);
        assertViolation(quantity, "lines[0].quantity", ViolationReason.QUANTITY_ABOVE_ORDERED, 422);
        ActionResult currency = svc.requestRefund(h.sellerId, ticket, "a", key(), RefundRequest.partial(Harness.orderId(3),
                AdjustmentReason.CustomerReturn, List.of(new RefundRequest.Line(Harness.itemId(3, 1), 1,
                        List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, "5.00", "USD"))))), null);
        assertViolation(currency, "lines[0].components.PRINCIPAL.currency", ViolationReason.CURRENCY_MISMATCH, 422);
        ActionResult over = svc.requestRefund(h.sellerId, ticket, "a", key(), partial(Harness.orderId(3), Harness.itemId(3, 1), 1, "30.01"), null);
        assertViolation(over, "lines[0].components.PRINCIPAL", ViolationReason.ABOVE_REFUNDABLE, 422);
        assertThat(svc.actions(h.sellerId, ticket)).isEmpty();
    }

    @Test
    void shippingTheBuyerPaidCanBeRefundedOnceFromTheLiveOrder() {
        String ticket = h.ticket();
        OrderActions svc = h.wiring.orderActions();
        RefundRequest shipping = RefundRequest.partial(Harness.orderId(5), AdjustmentReason.CustomerReturn, List.of(
                new RefundRequest.Line(Harness.itemId(5, 1), 1, List.of(RefundRequest.ComponentAmount.of(RefundComponent.SHIPPING, "4.90", "EUR")))));
        assertThat(svc.requestRefund(h.sellerId, ticket, "a", key(), shipping, null)).isInstanceOf(ActionResult.Accepted.class);
        ActionResult twice = svc.requestRefund(h.sellerId, ticket, "a", key(), shipping, null);
        assertThat(twice).isInstanceOfSatisfying(ActionResult.Rejected.class, r ->
                assertThat(r.violations()).extracting(v -> v.field()).contains("lines[0].components.SHIPPING"));
    }

    @Test
    void aRefundStillInFlightCountsAgainstWhatIsRefundable() {
        String ticket = h.ticket();
        OrderActions svc = h.wiring.orderActions();
        assertThat(svc.requestRefund(h.sellerId, ticket, "a", key(), partial(Harness.orderId(4), Harness.itemId(4, 1), 1, "20.00"), null))
                .isInstanceOf(ActionResult.Accepted.class);
        // 30.00 paid for the line, 20.00 queued (not yet confirmed): 10.01 more is too much, on any ticket
        ActionResult second = svc.requestRefund(h.sellerId, h.ticket(), "a", key(), partial(Harness.orderId(4), Harness.itemId(4, 1), 1, "10.01"), null);
        assertViolation(second, "lines[0].components.PRINCIPAL", ViolationReason.ABOVE_REFUNDABLE, 422);
        assertThat(svc.requestRefund(h.sellerId, ticket, "a", key(), partial(Harness.orderId(4), Harness.itemId(4, 1), 1, "10.00"), null))
                .isInstanceOf(ActionResult.Accepted.class);
    }

    @Test
    void anotherSellersTicketOrOrderIsNotFound() {
        String foreignTicket = h.ticket("AOTHERSELLER01");
        ActionResult r = h.wiring.orderActions().requestRefund(h.sellerId, foreignTicket, "a", key(),
                partial(Harness.orderId(5), Harness.itemId(5, 1), 1, "1.00"), null);
        assertThat(r).isEqualTo(new ActionResult.TicketNotFound(foreignTicket));
        ActionResult unknownOrder = h.wiring.orderActions().requestRefund(h.sellerId, h.ticket(), "a", key(),
                partial("028-9999999-9999999", Harness.itemId(5, 1), 1, "1.00"), null);
        assertViolation(unknownOrder, "orderId", ViolationReason.FOREIGN_ORDER, 404);
    }

    @Test
    void fbmCancellationIsSentAsAnAcknowledgementFeedAndCompletes() {
        String ticket = h.ticket();
        ActionResult r = h.wiring.orderActions().requestCancellation(h.sellerId, ticket, "a", key(),
                new CancellationRequest("028-5000001-0000001", CancelReason.BuyerCanceled), null);
        OrderAction a = ((ActionResult.Accepted) r).action();
        assertThat(a.type()).isEqualTo(ActionType.CANCELLATION);
        h.wiring.submitter().run();
        h.passTime(Duration.ofMinutes(3));
        h.deliverNotifications();
        assertThat(h.action(ticket, a.actionId()).state()).isEqualTo(ActionState.COMPLETED);
        // the simulator applied the cancellation: a second request is refused against the live order
        ActionResult again = h.wiring.orderActions().requestCancellation(h.sellerId, ticket, "a", key(),
                new CancellationRequest("028-5000001-0000001", CancelReason.BuyerCanceled), null);
        assertThat(again).isInstanceOf(ActionResult.Rejected.class);
        assertThat(((ActionResult.Rejected) again).status()).isEqualTo(409);
    }

    @Test
    void mcfCancellationCallsCancelFulfillmentOrderAtOnce() {
        String ticket = h.ticket();
        ActionResult r = h.wiring.orderActions().requestCancellation(h.sellerId, ticket, "a", key(),
                new CancellationRequest("MCF-TEST-0001", null), null);
        OrderAction a = ((ActionResult.Accepted) r).action();
        assertThat(a.type()).isEqualTo(ActionType.MCF_CANCELLATION);
        assertThat(a.state()).isEqualTo(ActionState.COMPLETED);
        assertThat(h.simulator.callCount("fba.cancelFulfillmentOrder")).isEqualTo(1);
        assertThat(h.simulator.callCount("feeds.createFeed")).isZero();
        assertThat(h.evidence.chain(h.sellerId, ticket).entries()).extracting(EvidenceChain.Entry::kind)
                .containsExactly("ACTION_REQUESTED", "ACTION_VALIDATED", "ACTION_QUEUED", "ACTION_COMPLETED");
    }

    @Test
    void fbaCancellationIsRefusedWithAClearAnswer() {
        ActionResult r = h.wiring.orderActions().requestCancellation(h.sellerId, h.ticket(), "a", key(),
                new CancellationRequest("028-5000003-0000003", CancelReason.BuyerCanceled), null);
        assertViolation(r, "orderId", ViolationReason.FBA_CANCELLATION_NOT_POSSIBLE, 409);
    }

    static void assertViolation(ActionResult r, String field, ViolationReason reason, int status) {
        assertThat(r).isInstanceOf(ActionResult.Rejected.class);
        ActionResult.Rejected rejected = (ActionResult.Rejected) r;
        assertThat(rejected.violations()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.reason()).isEqualTo(reason);
        });
        assertThat(rejected.status()).isEqualTo(status);
    }
}
