package com.deskbridge.orderactions;

import static com.deskbridge.orderactions.Fixtures.ITEM_A;
import static com.deskbridge.orderactions.Fixtures.ITEM_B;
import static com.deskbridge.orderactions.Fixtures.ORDER;
import static com.deskbridge.orderactions.Fixtures.SELLER;
import static com.deskbridge.orderactions.Fixtures.itemA;
import static com.deskbridge.orderactions.Fixtures.itemB;
import static com.deskbridge.orderactions.Fixtures.unshippedFbm;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every cancellation rule of {@link OrderActionPolicy} (GitHub issue 6; functions/orderactions/README.md). */
class CancellationPolicyTest {

    private final OrderActionPolicy policy = new OrderActionPolicy();

    private CancellationCommand valid(OrderSnapshot order, CancellationRequest request) {
        Validation<CancellationCommand> v = policy.validateCancellation(order, request, SELLER);
        assertThat(v).as("expected valid, got %s", v).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid<CancellationCommand>) v).command();
    }

    private Validation.Invalid<CancellationCommand> invalid(OrderSnapshot order, CancellationRequest request, String seller) {
        Validation<CancellationCommand> v = policy.validateCancellation(order, request, seller);
        assertThat(v).as("expected violations").isInstanceOf(Validation.Invalid.class);
        return (Validation.Invalid<CancellationCommand>) v;
    }

    private Violation only(OrderSnapshot order, CancellationRequest request) {
        List<Violation> violations = invalid(order, request, SELLER).violations();
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    private static OrderSnapshot mcf(String status, boolean shipped) {
        return new OrderSnapshot(SELLER, "shopify-1001", Fixtures.MARKETPLACE_DE, FulfilmentChannel.MCF, status, shipped, "EUR",
                List.of(itemA()));
    }

    @Test
    void unshippedFbmOrderIsCancelledByAcknowledgementForEveryItem() {
        CancellationCommand cmd = valid(unshippedFbm(), new CancellationRequest(ORDER, CancelReason.BuyerCanceled));
        assertThat(cmd).isInstanceOf(OrderCancellationCommand.class);
        OrderCancellationCommand c = (OrderCancellationCommand) cmd;
        assertThat(c.orderItemIds()).containsExactly(ITEM_A, ITEM_B);
        assertThat(c.reason()).isEqualTo(CancelReason.BuyerCanceled);
        assertThat(c.feedType()).isEqualTo(FeedType.POST_ORDER_ACKNOWLEDGEMENT_DATA);
        assertThat(c.sellerId()).isEqualTo(SELLER);
        assertThat(c.marketplaceId()).isEqualTo(Fixtures.MARKETPLACE_DE);
    }

    @Test
    void v2026StatusSpellingIsUnderstood() {
        valid(Fixtures.fbm("UNSHIPPED", false, itemA()), new CancellationRequest(ORDER, CancelReason.NoInventory));
        assertThat(only(Fixtures.fbm("PARTIALLY_SHIPPED", false, itemA()), new CancellationRequest(ORDER, CancelReason.NoInventory)).reason())
                .isEqualTo(ViolationReason.ORDER_SHIPPED);
    }

    @Test
    void shippedFbmOrderCannotBeCancelled() {
        Violation v = only(Fixtures.fbm("Shipped", true, itemA(), itemB()), new CancellationRequest(ORDER, CancelReason.NoInventory));
        assertThat(v.field()).isEqualTo("orderId");
        assertThat(v.reason()).isEqualTo(ViolationReason.ORDER_SHIPPED);
        assertThat(v.reason().status()).isEqualTo(409);
    }

    @Test
    void partlyShippedFbmOrderCannotBeCancelledEvenIfTheStatusLags() {
        var shippedItem = OrderSnapshot.Item.unrefunded(ITEM_A, "SKU-A", 2, 1, Fixtures.eur("40.00"), Fixtures.eur("5.00"),
                Fixtures.eur("7.60"), Fixtures.eur("0.95"));
        assertThat(only(Fixtures.fbm("Unshipped", false, shippedItem, itemB()), new CancellationRequest(ORDER, CancelReason.NoInventory)).reason())
                .isEqualTo(ViolationReason.ORDER_SHIPPED);
        assertThat(only(Fixtures.fbm("Unshipped", true, itemA()), new CancellationRequest(ORDER, CancelReason.NoInventory)).reason())
                .isEqualTo(ViolationReason.ORDER_SHIPPED);
        assertThat(only(Fixtures.fbm("PartiallyShipped", false, itemA()), new CancellationRequest(ORDER, CancelReason.NoInventory)).reason())
                .isEqualTo(ViolationReason.ORDER_SHIPPED);
    }

    @Test
    void cancelledFbmOrder() {
        assertThat(only(Fixtures.fbm("Canceled", false, itemA()), new CancellationRequest(ORDER, CancelReason.NoInventory)).reason())
                .isEqualTo(ViolationReason.ORDER_CANCELLED);
    }

    @Test
    void pendingFbmOrderIsNotYetCancellableBySeller() {
        Violation v = only(Fixtures.fbm("Pending", false, itemA()), new CancellationRequest(ORDER, CancelReason.NoInventory));
        assertThat(v.reason()).isEqualTo(ViolationReason.ORDER_NOT_CANCELLABLE);
        assertThat(v.detail()).contains("pending");
    }

    @Test
    void fbmNeedsACancelReason() {
        Violation v = only(unshippedFbm(), new CancellationRequest(ORDER, null));
        assertThat(v.field()).isEqualTo("reason");
        assertThat(v.reason()).isEqualTo(ViolationReason.REQUIRED);
    }

    @Test
    void fbaOrdersCannotBeCancelledBySellerAndTheAnswerSaysWhatToDo() {
        var fba = Fixtures.withChannel(unshippedFbm(), FulfilmentChannel.FBA, "Unshipped", false);
        var v = invalid(fba, new CancellationRequest(ORDER, CancelReason.BuyerCanceled), SELLER);
        assertThat(v.violations()).extracting(Violation::reason).containsExactly(ViolationReason.FBA_CANCELLATION_NOT_POSSIBLE);
        assertThat(v.status()).isEqualTo(409);
        assertThat(v.violations().get(0).detail()).contains("Your Orders").contains("Seller Support").contains("refund");
    }

    @ParameterizedTest
    @ValueSource(strings = {"New", "Received", "Planning", "Processing", "RECEIVED"})
    void mcfOrderIsCancelledByCancelFulfillmentOrderBeforeShipping(String status) {
        CancellationCommand cmd = valid(mcf(status, false), new CancellationRequest("shopify-1001", null));
        assertThat(cmd).isEqualTo(new McfCancellationCommand(SELLER, Fixtures.MARKETPLACE_DE, "shopify-1001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Complete", "CompletePartialled"})
    void shippedMcfOrderCannotBeCancelled(String status) {
        assertThat(only(mcf(status, false), new CancellationRequest("shopify-1001", null)).reason()).isEqualTo(ViolationReason.ORDER_SHIPPED);
    }

    @Test
    void mcfProcessingButAlreadyShippedCannotBeCancelled() {
        assertThat(only(mcf("Processing", true), new CancellationRequest("shopify-1001", null)).reason()).isEqualTo(ViolationReason.ORDER_SHIPPED);
    }

    @Test
    void mcfInOtherStates() {
        assertThat(only(mcf("Cancelled", false), new CancellationRequest("shopify-1001", null)).reason()).isEqualTo(ViolationReason.ORDER_CANCELLED);
        assertThat(only(mcf("Unfulfillable", false), new CancellationRequest("shopify-1001", null)).reason())
                .isEqualTo(ViolationReason.ORDER_NOT_CANCELLABLE);
        assertThat(only(mcf("Invalid", false), new CancellationRequest("shopify-1001", null)).reason())
                .isEqualTo(ViolationReason.ORDER_NOT_CANCELLABLE);
    }

    @Test
    void anotherSellersOrderIsNotFound() {
        var v = invalid(unshippedFbm(), new CancellationRequest(ORDER, CancelReason.NoInventory), Fixtures.OTHER_SELLER);
        assertThat(v.violations()).extracting(Violation::reason).containsExactly(ViolationReason.FOREIGN_ORDER);
        assertThat(v.status()).isEqualTo(404);
    }

    @Test
    void requestMustNameTheLoadedOrder() {
        Violation v = only(unshippedFbm(), new CancellationRequest("028-0000000-0000000", CancelReason.NoInventory));
        assertThat(v.reason()).isEqualTo(ViolationReason.ORDER_MISMATCH);
        assertThat(only(unshippedFbm(), new CancellationRequest(null, CancelReason.NoInventory)).reason()).isEqualTo(ViolationReason.REQUIRED);
    }

    @Test
    void mostDecisiveStatusWins() {
        assertThat(Violation.status(List.of(new Violation("a", ViolationReason.REQUIRED, "x"),
                new Violation("orderId", ViolationReason.ORDER_SHIPPED, "y")))).isEqualTo(409);
    }
}
