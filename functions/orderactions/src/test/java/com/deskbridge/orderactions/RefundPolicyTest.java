package com.deskbridge.orderactions;

import static com.deskbridge.orderactions.Fixtures.ITEM_A;
import static com.deskbridge.orderactions.Fixtures.ITEM_B;
import static com.deskbridge.orderactions.Fixtures.ORDER;
import static com.deskbridge.orderactions.Fixtures.SELLER;
import static com.deskbridge.orderactions.Fixtures.eur;
import static com.deskbridge.orderactions.Fixtures.itemA;
import static com.deskbridge.orderactions.Fixtures.itemB;
import static com.deskbridge.orderactions.Fixtures.refunded;
import static com.deskbridge.orderactions.Fixtures.shippedFbm;
import static com.deskbridge.orderactions.RefundComponent.GOODWILL;
import static com.deskbridge.orderactions.RefundComponent.PRINCIPAL;
import static com.deskbridge.orderactions.RefundComponent.RESTOCKING_FEE;
import static com.deskbridge.orderactions.RefundComponent.SHIPPING;
import static com.deskbridge.orderactions.RefundComponent.SHIPPING_TAX;
import static com.deskbridge.orderactions.RefundComponent.TAX;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.orderactions.RefundCommand.AdjustedItem;
import com.deskbridge.orderactions.RefundCommand.ComponentAdjustment;
import com.deskbridge.orderactions.RefundRequest.ComponentAmount;
import com.deskbridge.orderactions.RefundRequest.Line;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every refund rule of {@link OrderActionPolicy}: one failing case and the passing boundary each (GitHub issue 6). */
class RefundPolicyTest {

    private final OrderActionPolicy policy = new OrderActionPolicy();

    static ComponentAmount c(RefundComponent component, String amount) {
        return ComponentAmount.of(component, amount, "EUR");
    }

    static Line line(String itemId, Integer quantity, ComponentAmount... components) {
        return new Line(itemId, quantity, Arrays.asList(components));
    }

    static RefundRequest partial(AdjustmentReason reason, Line... lines) {
        return RefundRequest.partial(ORDER, reason, List.of(lines));
    }

    private RefundCommand valid(OrderSnapshot order, RefundRequest request) {
        Validation<RefundCommand> v = policy.validateRefund(order, request, SELLER);
        assertThat(v).as("expected valid, got %s", v).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid<RefundCommand>) v).command();
    }

    private Validation.Invalid<RefundCommand> invalid(OrderSnapshot order, RefundRequest request, String seller) {
        Validation<RefundCommand> v = policy.validateRefund(order, request, seller);
        assertThat(v).as("expected violations").isInstanceOf(Validation.Invalid.class);
        return (Validation.Invalid<RefundCommand>) v;
    }

    private Violation only(OrderSnapshot order, RefundRequest request) {
        List<Violation> violations = invalid(order, request, SELLER).violations();
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    private static Map<RefundComponent, Money> amounts(AdjustedItem item) {
        return item.components().stream().collect(java.util.stream.Collectors.toMap(ComponentAdjustment::component, ComponentAdjustment::amount));
    }

    @Nested
    class OrderLevel {

        @Test
        void anotherSellersOrderIsNotFoundAndNothingElseIsRevealed() {
            var v = invalid(shippedFbm(), partial(null, line("nope", 99)), Fixtures.OTHER_SELLER);
            assertThat(v.violations()).extracting(Violation::field, Violation::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("orderId", ViolationReason.FOREIGN_ORDER));
            assertThat(v.status()).isEqualTo(404);
            assertThat(v.violations().get(0).detail()).doesNotContain(SELLER);
        }

        @Test
        void missingSellerIsTreatedAsForeign() {
            assertThat(invalid(shippedFbm(), RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn), null).status()).isEqualTo(404);
        }

        @Test
        void requestMustNameTheLoadedOrder() {
            Violation v = only(shippedFbm(), RefundRequest.full("028-0000000-0000000", AdjustmentReason.CustomerReturn));
            assertThat(v.field()).isEqualTo("orderId");
            assertThat(v.reason()).isEqualTo(ViolationReason.ORDER_MISMATCH);
        }

        @Test
        void reasonIsRequired() {
            Violation v = only(shippedFbm(), RefundRequest.full(ORDER, null));
            assertThat(v.field()).isEqualTo("reason");
            assertThat(v.reason()).isEqualTo(ViolationReason.REQUIRED);
        }

        @Test
        void mcfOrdersAreRefundedOnTheirOwnChannel() {
            var order = Fixtures.withChannel(shippedFbm(), FulfilmentChannel.MCF, "Complete", true);
            Violation v = only(order, RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn));
            assertThat(v.reason()).isEqualTo(ViolationReason.REFUND_NOT_SUPPORTED);
            assertThat(v.reason().status()).isEqualTo(409);
            assertThat(v.detail()).contains("other sales channel");
        }

        @Test
        void cancelledOrPendingOrdersHaveNothingToRefund() {
            assertThat(only(Fixtures.fbm("Canceled", false, itemA()), RefundRequest.full(ORDER, AdjustmentReason.CustomerCancel)).reason())
                    .isEqualTo(ViolationReason.ORDER_CANCELLED);
            assertThat(only(Fixtures.fbm("CANCELLED", false, itemA()), RefundRequest.full(ORDER, AdjustmentReason.CustomerCancel)).reason())
                    .isEqualTo(ViolationReason.ORDER_CANCELLED);
            assertThat(only(Fixtures.fbm("Pending", false, itemA()), RefundRequest.full(ORDER, AdjustmentReason.CustomerCancel)).reason())
                    .isEqualTo(ViolationReason.NOTHING_TO_REFUND);
        }

        @Test
        void fbaOrdersAreRefundedThroughTheSameFeed() {
            var order = Fixtures.withChannel(shippedFbm(), FulfilmentChannel.FBA, "Shipped", true);
            RefundCommand cmd = valid(order, partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "20.00"))));
            assertThat(cmd.feedType()).isEqualTo(FeedType.POST_PAYMENT_ADJUSTMENT_DATA);
        }

        @Test
        void unshippedFbmOrderCanBeAdjustedWithNoInventory() {
            RefundCommand cmd = valid(Fixtures.unshippedFbm(), RefundRequest.full(ORDER, AdjustmentReason.NoInventory));
            assertThat(cmd.reason()).isEqualTo(AdjustmentReason.NoInventory);
        }
    }

    @Nested
    class FullRefund {

        @Test
        void refundsEveryPaidComponentOfEveryItem() {
            RefundCommand cmd = valid(shippedFbm(), RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn));
            assertThat(cmd.sellerId()).isEqualTo(SELLER);
            assertThat(cmd.marketplaceId()).isEqualTo(Fixtures.MARKETPLACE_DE);
            assertThat(cmd.items()).extracting(AdjustedItem::orderItemId).containsExactly(ITEM_A, ITEM_B);
            assertThat(amounts(cmd.items().get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    PRINCIPAL, eur("40.00"), SHIPPING, eur("5.00"), TAX, eur("7.60"), SHIPPING_TAX, eur("0.95")));
            assertThat(cmd.items().get(0).quantity()).isEqualTo(2);
            assertThat(amounts(cmd.items().get(1))).containsExactlyInAnyOrderEntriesOf(Map.of(PRINCIPAL, eur("19.99"), TAX, eur("3.80")));
            assertThat(cmd.total()).isEqualTo(eur("77.34"));
        }

        @Test
        void refundsOnlyWhatEarlierActionsLeft() {
            var a = refunded(itemA(), Map.of(PRINCIPAL, eur("20.00"), TAX, eur("7.60")), 1);
            var b = refunded(itemB(), Map.of(PRINCIPAL, eur("19.99"), TAX, eur("3.80")), 1);
            RefundCommand cmd = valid(Fixtures.fbm("Shipped", true, a, b), RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn));
            assertThat(cmd.items()).hasSize(1);
            assertThat(amounts(cmd.items().get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    PRINCIPAL, eur("20.00"), SHIPPING, eur("5.00"), SHIPPING_TAX, eur("0.95")));
            assertThat(cmd.items().get(0).quantity()).isEqualTo(1);
        }

        @Test
        void earlierGoodwillReducesThePrincipalStillRefundable() {
            var b = refunded(itemB(), Map.of(GOODWILL, eur("6.00")), 0);
            RefundCommand cmd = valid(Fixtures.fbm("Shipped", true, b), RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn));
            assertThat(amounts(cmd.items().get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(PRINCIPAL, eur("13.99"), TAX, eur("3.80")));
            assertThat(cmd.total()).isEqualTo(eur("17.79"));
        }

        @Test
        void nothingLeftIsAConflict() {
            var b = refunded(itemB(), Map.of(PRINCIPAL, eur("19.99"), TAX, eur("3.80")), 1);
            Violation v = only(Fixtures.fbm("Shipped", true, b), RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn));
            assertThat(v.reason()).isEqualTo(ViolationReason.NOTHING_TO_REFUND);
            assertThat(v.reason().status()).isEqualTo(409);
        }

        @Test
        void aPendingRefundFoldedIntoTheSnapshotPreventsADoubleRefund() {
            RefundCommand first = valid(shippedFbm(), RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn));
            OrderSnapshot afterFirst = shippedFbm().plusRefund(first);
            assertThat(afterFirst.item(ITEM_A).orElseThrow().quantityRefundable()).isZero();
            assertThat(afterFirst.item(ITEM_A).orElseThrow().remainingTotal()).isEqualTo(eur("0.00"));
            assertThat(only(afterFirst, RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn)).reason())
                    .isEqualTo(ViolationReason.NOTHING_TO_REFUND);
            assertThat(only(afterFirst, partial(AdjustmentReason.GeneralAdjustment, line(ITEM_B, null, c(GOODWILL, "0.01")))).reason())
                    .isEqualTo(ViolationReason.ABOVE_REFUNDABLE);
        }

        @Test
        void partialPendingRefundLeavesTheRest() {
            RefundCommand first = valid(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, c(PRINCIPAL, "20.00"), c(TAX, "3.80"), c(RESTOCKING_FEE, "2.00"))));
            OrderSnapshot after = shippedFbm().plusRefund(first);
            OrderSnapshot.Item a = after.item(ITEM_A).orElseThrow();
            assertThat(a.refunded(PRINCIPAL)).isEqualTo(eur("20.00"));
            assertThat(a.refunded(RESTOCKING_FEE)).isEqualTo(eur("2.00"));
            assertThat(a.quantityRefunded()).isEqualTo(1);
            assertThat(a.remainingTotal()).isEqualTo(eur("31.75"));
            assertThat(after.item(ITEM_B).orElseThrow()).isEqualTo(itemB());
            RefundCommand rest = valid(after, RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn));
            assertThat(amounts(rest.items().get(0))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    PRINCIPAL, eur("20.00"), SHIPPING, eur("5.00"), TAX, eur("3.80"), SHIPPING_TAX, eur("0.95")));
            assertThat(rest.items().get(0).quantity()).isEqualTo(1);
        }

        @Test
        void linesAreNotAllowed() {
            var req = new RefundRequest(ORDER, true, AdjustmentReason.CustomerReturn, List.of(line(ITEM_A, 1, c(PRINCIPAL, "1.00"))));
            Violation v = only(shippedFbm(), req);
            assertThat(v.field()).isEqualTo("lines");
            assertThat(v.reason()).isEqualTo(ViolationReason.LINES_WITH_FULL_REFUND);
        }
    }

    @Nested
    class Lines {

        @Test
        void partialRefundNeedsLines() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn));
            assertThat(v.field()).isEqualTo("lines");
            assertThat(v.reason()).isEqualTo(ViolationReason.REQUIRED);
        }

        @Test
        void itemIdIsRequired() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(" ", 1, c(PRINCIPAL, "1.00"))));
            assertThat(v.field()).isEqualTo("lines[0].orderItemId");
            assertThat(v.reason()).isEqualTo(ViolationReason.REQUIRED);
        }

        @Test
        void unknownItem() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, c(PRINCIPAL, "1.00")), line("99999999999999", 1, c(PRINCIPAL, "1.00"))));
            assertThat(v.field()).isEqualTo("lines[1].orderItemId");
            assertThat(v.reason()).isEqualTo(ViolationReason.UNKNOWN_ITEM);
            assertThat(v.detail()).contains("99999999999999");
        }

        @Test
        void duplicateLineForTheSameItem() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, c(PRINCIPAL, "1.00")), line(ITEM_A, null, c(SHIPPING, "1.00"))));
            assertThat(v.field()).isEqualTo("lines[1].orderItemId");
            assertThat(v.reason()).isEqualTo(ViolationReason.DUPLICATE_LINE);
        }

        @Test
        void quantityAboveOrdered() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 3, c(PRINCIPAL, "1.00"))));
            assertThat(v.field()).isEqualTo("lines[0].quantity");
            assertThat(v.reason()).isEqualTo(ViolationReason.QUANTITY_ABOVE_ORDERED);
            valid(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 2, c(PRINCIPAL, "1.00"))));
        }

        @Test
        void quantityAboveWhatEarlierRefundsLeft() {
            var order = Fixtures.fbm("Shipped", true, refunded(itemA(), Map.of(PRINCIPAL, eur("20.00")), 1));
            assertThat(only(order, partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 2, c(PRINCIPAL, "1.00")))).reason())
                    .isEqualTo(ViolationReason.QUANTITY_ABOVE_ORDERED);
            valid(order, partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "1.00"))));
        }

        @Test
        void quantityMustBePositiveButMayBeLeftOut() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 0, c(PRINCIPAL, "1.00"))));
            assertThat(v.reason()).isEqualTo(ViolationReason.INVALID_QUANTITY);
            RefundCommand cmd = valid(shippedFbm(), partial(AdjustmentReason.GeneralAdjustment, line(ITEM_A, null, c(GOODWILL, "5.00"))));
            assertThat(cmd.items().get(0).quantity()).isNull();
        }

        @Test
        void componentsAreRequired() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1)));
            assertThat(v.field()).isEqualTo("lines[0].components");
            assertThat(v.reason()).isEqualTo(ViolationReason.REQUIRED);
        }

        @Test
        void componentTypeIsRequired() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, c(PRINCIPAL, "1.00"), new ComponentAmount(null, BigDecimal.ONE, "EUR"))));
            assertThat(v.field()).isEqualTo("lines[0].components[1]");
            assertThat(v.reason()).isEqualTo(ViolationReason.REQUIRED);
        }

        @Test
        void duplicateComponent() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, c(TAX, "1.00"), c(TAX, "1.00"))));
            assertThat(v.field()).isEqualTo("lines[0].components.TAX");
            assertThat(v.reason()).isEqualTo(ViolationReason.DUPLICATE_COMPONENT);
        }

        @Test
        void everyWrongFieldIsReportedAtOnce() {
            var v = invalid(shippedFbm(), partial(null,
                    line(ITEM_A, 5, c(TAX, "9.00")),
                    line(ITEM_B, 1, c(SHIPPING, "1.00"), ComponentAmount.of(PRINCIPAL, "1.00", "USD"))), SELLER);
            assertThat(v.violations()).extracting(Violation::field).containsExactly(
                    "reason", "lines[0].quantity", "lines[0].components.TAX", "lines[1].components.SHIPPING",
                    "lines[1].components.PRINCIPAL.currency");
            assertThat(v.status()).isEqualTo(422);
        }
    }

    @Nested
    class Amounts {

        @Test
        void amountAbovePaid() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 2, c(PRINCIPAL, "40.01"))));
            assertThat(v.field()).isEqualTo("lines[0].components.PRINCIPAL");
            assertThat(v.reason()).isEqualTo(ViolationReason.ABOVE_REFUNDABLE);
            assertThat(v.detail()).contains("40.00 EUR paid");
            valid(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 2, c(PRINCIPAL, "40.00"))));
        }

        @Test
        void amountAbovePaidMinusAlreadyRefunded() {
            var order = Fixtures.fbm("Shipped", true, refunded(itemA(), Map.of(PRINCIPAL, eur("10.00")), 0));
            Violation v = only(order, partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "30.01"))));
            assertThat(v.reason()).isEqualTo(ViolationReason.ABOVE_REFUNDABLE);
            assertThat(v.detail()).contains("10.00 EUR already refunded").contains("30.00 EUR left");
            valid(order, partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "30.00"))));
        }

        @Test
        void taxRefundedTwice() {
            var order = Fixtures.fbm("Shipped", true, refunded(itemA(), Map.of(TAX, eur("7.60")), 0));
            Violation v = only(order, partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(TAX, "0.01"))));
            assertThat(v.field()).isEqualTo("lines[0].components.TAX");
            assertThat(v.reason()).isEqualTo(ViolationReason.ALREADY_REFUNDED);
            var partlyRefunded = Fixtures.fbm("Shipped", true, refunded(itemA(), Map.of(TAX, eur("7.59")), 0));
            valid(partlyRefunded, partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(TAX, "0.01"))));
        }

        @Test
        void shippingRefundedTwice() {
            var order = Fixtures.fbm("Shipped", true, refunded(itemA(), Map.of(SHIPPING, eur("5.00"), SHIPPING_TAX, eur("0.95")), 0));
            var v = invalid(order, partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, null, c(SHIPPING, "5.00"), c(SHIPPING_TAX, "0.95"))), SELLER);
            assertThat(v.violations()).extracting(Violation::field, Violation::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("lines[0].components.SHIPPING", ViolationReason.ALREADY_REFUNDED),
                    org.assertj.core.groups.Tuple.tuple("lines[0].components.SHIPPING_TAX", ViolationReason.ALREADY_REFUNDED));
        }

        @Test
        void componentThatWasNeverPaid() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_B, 1, c(SHIPPING, "1.00"))));
            assertThat(v.field()).isEqualTo("lines[0].components.SHIPPING");
            assertThat(v.reason()).isEqualTo(ViolationReason.NOT_PAID);
        }

        @Test
        void currencyMismatch() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, ComponentAmount.of(PRINCIPAL, "10.00", "GBP"))));
            assertThat(v.field()).isEqualTo("lines[0].components.PRINCIPAL.currency");
            assertThat(v.reason()).isEqualTo(ViolationReason.CURRENCY_MISMATCH);
        }

        /** Issue 10: an amount without a currency is in the order's currency (the console sends none). */
        @Test
        void anAmountWithoutCurrencyIsInTheOrdersCurrency() {
            RefundCommand cmd = valid(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, new ComponentAmount(PRINCIPAL, BigDecimal.TEN, null))));
            assertThat(cmd.currency()).isEqualTo(shippedFbm().currency());
            assertThat(cmd.total().amount()).isEqualByComparingTo("10");
        }

        @Test
        void zeroAndNegativeAmounts() {
            assertThat(only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "0.00")))).reason())
                    .isEqualTo(ViolationReason.NOT_POSITIVE);
            assertThat(only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "-5.00")))).reason())
                    .isEqualTo(ViolationReason.NOT_POSITIVE);
            valid(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "0.01"))));
        }

        @Test
        void missingAmount() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, new ComponentAmount(PRINCIPAL, null, "EUR"))));
            assertThat(v.field()).isEqualTo("lines[0].components.PRINCIPAL");
            assertThat(v.reason()).isEqualTo(ViolationReason.REQUIRED);
        }

        @Test
        void moreThanTwoDecimals() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "10.005"))));
            assertThat(v.reason()).isEqualTo(ViolationReason.TOO_MANY_DECIMALS);
            RefundCommand cmd = valid(shippedFbm(), partial(AdjustmentReason.CustomerReturn, line(ITEM_A, 1, c(PRINCIPAL, "10.500"))));
            assertThat(cmd.items().get(0).components().get(0).amount().plain()).isEqualTo("10.50");
        }

        @Test
        void goodwillIsCappedByWhatIsLeftOfTheItemTotal() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.GeneralAdjustment,
                    line(ITEM_A, null, c(PRINCIPAL, "40.00"), c(GOODWILL, "13.56"))));
            assertThat(v.field()).isEqualTo("lines[0]");
            assertThat(v.reason()).isEqualTo(ViolationReason.ABOVE_REFUNDABLE);
            valid(shippedFbm(), partial(AdjustmentReason.GeneralAdjustment, line(ITEM_A, null, c(PRINCIPAL, "40.00"), c(GOODWILL, "13.55"))));
        }

        @Test
        void goodwillAfterEarlierRefunds() {
            var order = Fixtures.fbm("Shipped", true, refunded(itemA(), Map.of(PRINCIPAL, eur("40.00"), TAX, eur("7.60")), 2));
            assertThat(only(order, partial(AdjustmentReason.GeneralAdjustment, line(ITEM_A, null, c(GOODWILL, "5.96")))).reason())
                    .isEqualTo(ViolationReason.ABOVE_REFUNDABLE);
            valid(order, partial(AdjustmentReason.GeneralAdjustment, line(ITEM_A, null, c(GOODWILL, "5.95"))));
        }
    }

    @Nested
    class RestockingFee {

        @Test
        void onlyOnCustomerReturns() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.GeneralAdjustment,
                    line(ITEM_A, 2, c(PRINCIPAL, "40.00"), c(RESTOCKING_FEE, "4.00"))));
            assertThat(v.field()).isEqualTo("lines[0].components.RESTOCKING_FEE");
            assertThat(v.reason()).isEqualTo(ViolationReason.RESTOCKING_FEE_REASON);
        }

        @Test
        void atMostTwentyPercentOfThePrincipalRefunded() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 2, c(PRINCIPAL, "40.00"), c(RESTOCKING_FEE, "8.01"))));
            assertThat(v.field()).isEqualTo("lines[0].components.RESTOCKING_FEE");
            assertThat(v.reason()).isEqualTo(ViolationReason.RESTOCKING_FEE_TOO_HIGH);
            RefundCommand cmd = valid(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 2, c(RESTOCKING_FEE, "8.00"), c(PRINCIPAL, "40.00"), c(TAX, "7.60"))));
            assertThat(cmd.total()).isEqualTo(eur("39.60"));
            assertThat(cmd.items().get(0).components()).extracting(ComponentAdjustment::component)
                    .containsExactly(PRINCIPAL, TAX, RESTOCKING_FEE);
            assertThat(cmd.items().get(0).components().get(2).signedAmount()).isEqualTo(eur("-8.00"));
        }

        @Test
        void notWithoutPrincipal() {
            Violation v = only(shippedFbm(), partial(AdjustmentReason.CustomerReturn,
                    line(ITEM_A, 1, c(SHIPPING, "5.00"), c(RESTOCKING_FEE, "0.50"))));
            assertThat(v.reason()).isEqualTo(ViolationReason.RESTOCKING_FEE_TOO_HIGH);
        }
    }
}
