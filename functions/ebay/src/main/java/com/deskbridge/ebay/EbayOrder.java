package com.deskbridge.ebay;

import com.deskbridge.orderactions.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An eBay order as the help desk needs it, read from the Fulfillment API's {@code Order}
 * (https://developer.ebay.com/api-docs/sell/fulfillment/types/sel:Order). Buyer personal data other than the eBay
 * user name (which threads the buyer's messages) is not kept: no name, e-mail or address.
 *
 * @param fulfillmentStatus {@code orderFulfillmentStatus}: NOT_STARTED, IN_PROGRESS, FULFILLED
 * @param paymentStatus     {@code orderPaymentStatus}: PENDING, PAID, PARTIALLY_REFUNDED, FULLY_REFUNDED, FAILED
 * @param cancelState       {@code cancelStatus.cancelState}: NONE_REQUESTED, IN_PROGRESS, CANCELED
 * @param refunds           {@code paymentSummary.refunds}: every refund with its status
 */
public record EbayOrder(String orderId, String marketplaceId, String buyerUsername, Instant creationDate, Instant lastModified,
                        String fulfillmentStatus, String paymentStatus, String cancelState, List<CancelRequest> cancelRequests,
                        String currency, Optional<Money> total, List<LineItem> lineItems, List<Refund> refunds,
                        Optional<Instant> paidDate) {

    public EbayOrder {
        cancelRequests = List.copyOf(cancelRequests);
        lineItems = List.copyOf(lineItems);
        refunds = List.copyOf(refunds);
    }

    /**
     * One line. {@code refunds} are the line's share of refunds (amount only; eBay does not say which component).
     */
    public record LineItem(String lineItemId, String legacyItemId, Optional<String> sku, String title, int quantity, Money cost,
                           Money shipping, Money tax, String fulfillmentStatus, List<Refund> refunds,
                           Optional<Instant> shipByDate, Optional<Instant> maxEstimatedDelivery) {
        public LineItem {
            refunds = List.copyOf(refunds);
        }
    }

    /** A refund; {@code status} (PENDING, REFUNDED, FAILED) only on the order's list, not on a line's. */
    public record Refund(String refundId, Money amount, Optional<Instant> date, Optional<String> status) {}

    /** A cancellation request: {@code state} REQUESTED while the seller has not decided. */
    public record CancelRequest(String cancelRequestId, String initiator, String reason, String state, Optional<Instant> requestedAt) {}

    public boolean cancelled() {
        return "CANCELED".equalsIgnoreCase(cancelState);
    }

    public boolean paid() {
        return paidDate.isPresent() && !"PENDING".equalsIgnoreCase(paymentStatus) && !"FAILED".equalsIgnoreCase(paymentStatus);
    }

    /** The buyer's cancellation request the seller still has to decide on, if any. */
    public Optional<CancelRequest> openBuyerRequest() {
        return cancelRequests.stream().filter(r -> "REQUESTED".equalsIgnoreCase(r.state())
                && !"SELLER".equalsIgnoreCase(r.initiator())).findFirst();
    }

    /** The latest ship-by date of its lines (the seller's promise to ship). */
    public Optional<Instant> shipBy() {
        return lineItems.stream().flatMap(l -> l.shipByDate().stream()).max(Comparator.naturalOrder());
    }

    /** The latest estimated delivery of its lines (what eBay told the buyer). */
    public Optional<Instant> latestDelivery() {
        return lineItems.stream().flatMap(l -> l.maxEstimatedDelivery().stream()).max(Comparator.naturalOrder());
    }

    static EbayOrder parse(JsonNode o, EbayOperation op) {
        String orderId = EbayJson.required(o, "orderId", op);
        List<Refund> refunds = new ArrayList<>();
        for (JsonNode r : o.path("paymentSummary").path("refunds")) {
            refund(r).ifPresent(refunds::add);
        }
        Optional<Instant> paid = Optional.empty();
        for (JsonNode p : o.path("paymentSummary").path("payments")) {
            paid = paid.or(() -> EbayJson.instant(p, "paymentDate"));
        }
        List<LineItem> lines = new ArrayList<>();
        String currency = EbayJson.text(o.path("pricingSummary").path("total"), "currency").orElse(null);
        for (JsonNode l : o.path("lineItems")) {
            Money cost = EbayJson.money(l.path("discountedLineItemCost")).or(() -> EbayJson.money(l.path("lineItemCost")))
                    .orElseThrow(() -> new EbayApiException(op.id(), 200, null, null, "line item lacks lineItemCost", null));
            currency = currency == null ? cost.currency() : currency;
            Money zero = Money.zero(cost.currency());
            Money tax = zero;
            for (JsonNode t : l.path("taxes")) {
                tax = tax.plus(EbayJson.money(t.path("amount")).orElse(zero));
            }
            List<Refund> lineRefunds = new ArrayList<>();
            for (JsonNode r : l.path("refunds")) {
                refund(r).ifPresent(lineRefunds::add);
            }
            JsonNode ins = l.path("lineItemFulfillmentInstructions");
            lines.add(new LineItem(EbayJson.required(l, "lineItemId", op), EbayJson.text(l, "legacyItemId").orElse(""),
                    EbayJson.text(l, "sku"), EbayJson.text(l, "title").orElse(""), l.path("quantity").asInt(0), cost,
                    EbayJson.money(l.path("deliveryCost").path("shippingCost")).orElse(zero), tax,
                    EbayJson.text(l, "lineItemFulfillmentStatus").orElse("NOT_STARTED"), lineRefunds,
                    EbayJson.instant(ins, "shipByDate"), EbayJson.instant(ins, "maxEstimatedDeliveryDate")));
        }
        List<CancelRequest> cancels = new ArrayList<>();
        for (JsonNode c : o.path("cancelStatus").path("cancelRequests")) {
            cancels.add(new CancelRequest(EbayJson.text(c, "cancelRequestId").orElse(""), EbayJson.text(c, "cancelInitiator").orElse(""),
                    EbayJson.text(c, "cancelReason").orElse(""), EbayJson.text(c, "cancelRequestState").orElse(""),
                    EbayJson.instant(c, "cancelRequestedDate")));
        }
        String marketplace = lines.isEmpty() ? "" : o.path("lineItems").path(0).path("purchaseMarketplaceId").asText("");
        return new EbayOrder(orderId, marketplace, o.path("buyer").path("username").asText(""),
                EbayJson.instant(o, "creationDate").orElseThrow(() -> new EbayApiException(op.id(), 200, null, null,
                        "order lacks creationDate", null)),
                EbayJson.instant(o, "lastModifiedDate").orElse(null),
                EbayJson.text(o, "orderFulfillmentStatus").orElse("NOT_STARTED"), EbayJson.text(o, "orderPaymentStatus").orElse("PENDING"),
                EbayJson.text(o.path("cancelStatus"), "cancelState").orElse("NONE_REQUESTED"), cancels,
                currency == null ? "XXX" : currency, EbayJson.money(o.path("pricingSummary").path("total")), lines, refunds, paid);
    }

    private static Optional<Refund> refund(JsonNode r) {
        Optional<String> id = EbayJson.text(r, "refundId");
        Optional<Money> amount = EbayJson.money(r.path("amount"));
        if (id.isEmpty() || amount.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refund(id.get(), amount.get(), EbayJson.instant(r, "refundDate"), EbayJson.text(r, "refundStatus")));
    }
}
