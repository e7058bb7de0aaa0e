package com.deskbridge.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.channels.ActionAttempts;
import com.deskbridge.channels.ActionOutcome;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderActionPolicy;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Validation;
import com.deskbridge.orderactions.ViolationReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order context and refunds/cancellations validated against the live eBay order like Amazon's, executed once per
 * idempotency key and confirmed, against the simulator over HTTP (signed calls: the demo seller is EU-domiciled).
 */
class EbayOrdersAndActionsTest {

    private EbayHarness h;
    private EbayClient client;
    private EbayOrderActions actions;
    private final OrderActionPolicy policy = new OrderActionPolicy();

    @BeforeEach
    void start() {
        h = new EbayHarness();
        client = h.client();
        actions = new EbayOrderActions(client, h.sellers(), h.attempts, h.clock);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aShippedOrderIsAnFbmOrderWithItsCarrierParcelAndPromise() {
        OrderSummary o = new EbayOrderSource(client, h.sellers()).order(EbayHarness.SELLER, "12-34567-89012").orElseThrow();
        assertThat(o.channel()).isEqualTo(FulfilmentChannel.FBM);
        assertThat(o.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(o.marketplaceId()).isEqualTo("EBAY_DE");
        assertThat(o.items()).singleElement().satisfies(i -> {
            assertThat(i.sku()).isEqualTo("MUG-BLUE");
            assertThat(i.quantity()).isEqualTo(2);
        });
        assertThat(o.packages()).singleElement().satisfies(p -> {
            assertThat(p.carrier()).isEqualTo(Carrier.DHL);
            assertThat(p.trackingNumber()).isEqualTo("00340434161094042559");
            assertThat(p.shipDate()).isEqualTo(h.clock.instant().minus(Duration.ofDays(3)));
        });
        assertThat(o.promisedDelivery()).contains(h.clock.instant().plus(Duration.ofHours(12)));
    }

    @Test
    void anUnshippedOrderCostsNoShippingCallAndAnUnknownOneIsEmpty() {
        EbayOrderSource source = new EbayOrderSource(client, h.sellers());
        assertThat(source.order(EbayHarness.SELLER, "12-34567-89013").orElseThrow().status()).isEqualTo(OrderStatus.UNSHIPPED);
        assertThat(h.sim.callCount("fulfillment.getShippingFulfillments")).isZero();
        assertThat(source.order(EbayHarness.SELLER, "99-99999-99999")).isEmpty();
    }

    @Test
    void theLiveOrderCarriesWhatEbayAlreadyRefundedSoTheRulesCapTheNextRefund() {
        OrderSnapshot live = actions.liveOrder(EbayHarness.SELLER, "12-34567-89015").orElseThrow();
        OrderSnapshot.Item lamp = live.items().get(0);
        assertThat(lamp.paidTotal()).isEqualTo(Money.of("44.90", "EUR"));
        assertThat(lamp.remainingTotal()).isEqualTo(Money.of("34.90", "EUR"));
        Validation<RefundCommand> tooMuch = policy.validateRefund(live, RefundRequest.partial("12-34567-89015", AdjustmentReason.Other,
                List.of(new RefundRequest.Line("10050000000401", 1, List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL,
                        "39.00", "EUR"))))), EbayHarness.SELLER);
        assertThat(tooMuch).isInstanceOfSatisfying(Validation.Invalid.class,
                i -> assertThat(i.violations()).extracting("reason").contains(ViolationReason.ABOVE_REFUNDABLE));
    }

    @Test
    void aValidatedRefundIsIssuedSignedOnceConfirmedAndARepeatChangesNothing() {
        OrderSnapshot live = actions.liveOrder(EbayHarness.SELLER, "12-34567-89012").orElseThrow();
        RefundCommand command = valid(policy.validateRefund(live, RefundRequest.partial("12-34567-89012", AdjustmentReason.CustomerReturn,
                List.of(new RefundRequest.Line("10050000000101", 1, List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL,
                        "12.50", "EUR"))))), EbayHarness.SELLER));

        ActionOutcome first = actions.refund(command, "refund-key-0001");
        assertThat(first).isInstanceOf(ActionOutcome.Pending.class);
        assertThat(h.sim.refunds("12-34567-89012")).containsExactly(new BigDecimal("12.50"));

        ActionOutcome again = actions.refund(command, "refund-key-0001");
        assertThat(again).isInstanceOfSatisfying(ActionOutcome.Pending.class, p -> assertThat(p.externalId()).isEqualTo(first.externalId()));
        assertThat(h.sim.callCount("fulfillment.issueRefund")).isEqualTo(1);

        h.clock.advance(Duration.ofMinutes(2));
        ActionOutcome confirmed = actions.confirm(EbayHarness.SELLER, "12-34567-89012", (ActionOutcome.Pending) first);
        assertThat(confirmed).isInstanceOfSatisfying(ActionOutcome.Done.class, d -> assertThat(d.externalId()).isEqualTo(first.externalId()));
        assertThat(actions.refund(command, "refund-key-0001")).isInstanceOfSatisfying(ActionOutcome.Done.class,
                d -> assertThat(d.repeated()).isTrue());
        assertThat(h.sim.refunds("12-34567-89012")).hasSize(1);

        // the next refund is checked against what eBay now shows as refunded
        OrderSnapshot after = actions.liveOrder(EbayHarness.SELLER, "12-34567-89012").orElseThrow();
        assertThat(after.items().get(0).remainingTotal()).isEqualTo(Money.of("17.40", "EUR"));
    }

    @Test
    void aRefundWhoseAnswerWasLostIsFoundInsteadOfIssuedAgain() {
        RefundCommand command = new RefundCommand(EbayHarness.SELLER, "EBAY_DE", "12-34567-89012", "EUR", AdjustmentReason.Other,
                List.of(new RefundCommand.AdjustedItem("10050000000101", null, List.of(
                        new RefundCommand.ComponentAdjustment(RefundComponent.GOODWILL, Money.of("5.00", "EUR"))))));
        // the first attempt was recorded, reached eBay, and its answer never arrived
        h.attempts.begin(new ActionAttempts.Attempt(EbayHarness.SELLER, "refund-key-lost", "12-34567-89012", "refund",
                "12-34567-89012|OTHER|{10050000000101=5.00 EUR}", Set.of(), null, h.clock.instant(), null));
        client.fulfillment().issueRefund(h.account, "12-34567-89012", "OTHER", Map.of("10050000000101", Money.of("5.00", "EUR")), null);

        ActionOutcome retried = actions.refund(command, "refund-key-lost");
        assertThat(retried).isInstanceOfSatisfying(ActionOutcome.Pending.class, p -> assertThat(p.detail()).contains("earlier"));
        assertThat(h.sim.refunds("12-34567-89012")).containsExactly(new BigDecimal("5.00"));
        assertThat(h.attempts.find(EbayHarness.SELLER, "refund-key-lost").orElseThrow().externalId()).isEqualTo(retried.externalId());
    }

    @Test
    void aKeyReusedForAnotherRefundAndAnAmountEbayRefusesAreRejectedWithoutMovingMoney() {
        RefundCommand five = goodwill("5.00");
        assertThat(actions.refund(five, "refund-key-0002")).isInstanceOf(ActionOutcome.Pending.class);
        assertThat(actions.refund(goodwill("6.00"), "refund-key-0002")).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("idempotency-key-reused"));
        // more than eBay will refund for the line (29.90 paid): eBay's own check answers
        assertThat(actions.refund(goodwill("40.00"), "refund-key-0003")).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("ebay-34802"));
        assertThat(h.sim.refunds("12-34567-89012")).containsExactly(new BigDecimal("5.00"));
    }

    @Test
    void anUnsignedRefundForAnEuSellerIsRefusedByEbay() {
        EbayOrderActions unsigned = new EbayOrderActions(client, id -> new EbayAccount(id, EbayHarness.SECRET, "deskbridge_demo_de",
                "EBAY_DE", false), h.attempts, h.clock);
        assertThat(unsigned.refund(goodwill("5.00"), "refund-key-0004")).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("ebay-215122"));
        assertThat(h.sim.refunds("12-34567-89012")).isEmpty();
    }

    @Test
    void anUnshippedOrderIsCancelledOnceAndThePaidAmountRefundedByEbay() {
        OrderSnapshot live = actions.liveOrder(EbayHarness.SELLER, "12-34567-89013").orElseThrow();
        CancellationRequest request = new CancellationRequest("12-34567-89013", CancelReason.NoInventory);
        assertThat(actions.cancellationViolations(live, request)).isEmpty();
        OrderCancellationCommand command = (OrderCancellationCommand) valid(policy.validateCancellation(live, request, EbayHarness.SELLER));

        ActionOutcome done = actions.cancel(command, "cancel-key-0001");
        assertThat(done).isInstanceOfSatisfying(ActionOutcome.Done.class, d -> {
            assertThat(d.repeated()).isFalse();
            assertThat(d.detail()).contains("refunds the buyer");
        });
        assertThat(h.sim.cancelled("12-34567-89013")).isTrue();
        assertThat(h.sim.refunds("12-34567-89013")).containsExactly(new BigDecimal("36.80"));

        assertThat(actions.cancel(command, "cancel-key-0001")).isInstanceOfSatisfying(ActionOutcome.Done.class,
                d -> assertThat(d.repeated()).isTrue());
        assertThat(h.sim.callCount("postorder.createCancellation")).isEqualTo(1);
        assertThat(actions.liveOrder(EbayHarness.SELLER, "12-34567-89013").orElseThrow().orderStatus()).isEqualTo("CANCELLED");
    }

    @Test
    void aBuyersOpenCancellationRequestIsApprovedInsteadOfCreatingAnother() {
        OrderCancellationCommand command = new OrderCancellationCommand(EbayHarness.SELLER, "EBAY_DE", "12-34567-89014",
                CancelReason.BuyerCanceled, List.of("10050000000301"));
        assertThat(actions.cancel(command, "cancel-key-0002")).isInstanceOfSatisfying(ActionOutcome.Done.class,
                d -> assertThat(d.externalId()).isEqualTo("5200000001"));
        assertThat(h.sim.callCount("postorder.approveCancellation")).isEqualTo(1);
        assertThat(h.sim.callCount("postorder.createCancellation")).isZero();
        assertThat(h.sim.cancelled("12-34567-89014")).isTrue();
    }

    @Test
    void shippedOrdersAndReasonsEbayDoesNotKnowAreRefused() {
        OrderSnapshot shipped = actions.liveOrder(EbayHarness.SELLER, "12-34567-89012").orElseThrow();
        assertThat(policy.validateCancellation(shipped, new CancellationRequest("12-34567-89012", CancelReason.NoInventory),
                EbayHarness.SELLER)).isInstanceOfSatisfying(Validation.Invalid.class,
                i -> assertThat(i.violations()).extracting("reason").contains(ViolationReason.ORDER_SHIPPED));
        // eBay refuses it on its own as well
        assertThat(actions.cancel(new OrderCancellationCommand(EbayHarness.SELLER, "EBAY_DE", "12-34567-89012", CancelReason.NoInventory,
                List.of("10050000000101")), "cancel-key-0003")).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                r -> assertThat(r.reason()).contains("ORDER_SHIPPED"));
        OrderSnapshot open = actions.liveOrder(EbayHarness.SELLER, "12-34567-89013").orElseThrow();
        assertThat(actions.cancellationViolations(open, new CancellationRequest("12-34567-89013", CancelReason.GeneralAdjustment)))
                .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("reason"));
        // a Post-Order refusal ({"errorMessage":{"error":[...]}}) is named by eBay's error id, and nothing is cancelled
        h.sim.injectFault("postorder.createCancellation", 409, 1);
        assertThat(actions.cancel(new OrderCancellationCommand(EbayHarness.SELLER, "EBAY_DE", "12-34567-89013", CancelReason.NoInventory,
                List.of("10050000000201", "10050000000202")), "cancel-key-0004")).isInstanceOfSatisfying(ActionOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("ebay-2004"));
        assertThat(h.sim.cancelled("12-34567-89013")).isFalse();
    }

    @Test
    void aRefundThatFailsAtEbayIsConfirmedAsRejected() {
        ActionOutcome pending = actions.refund(goodwill("3.00"), "refund-key-0005");
        h.sim.failRefunds("12-34567-89012");
        h.clock.advance(Duration.ofMinutes(2));
        assertThat(actions.confirm(EbayHarness.SELLER, "12-34567-89012", (ActionOutcome.Pending) pending))
                .isInstanceOfSatisfying(ActionOutcome.Rejected.class, r -> assertThat(r.code()).isEqualTo("refund-failed"));
    }

    private RefundCommand goodwill(String amount) {
        return new RefundCommand(EbayHarness.SELLER, "EBAY_DE", "12-34567-89012", "EUR", AdjustmentReason.Other,
                List.of(new RefundCommand.AdjustedItem("10050000000101", null, List.of(
                        new RefundCommand.ComponentAdjustment(RefundComponent.GOODWILL, Money.of(amount, "EUR"))))));
    }

    private static <T> T valid(Validation<T> v) {
        assertThat(v).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid<T>) v).command();
    }
}
