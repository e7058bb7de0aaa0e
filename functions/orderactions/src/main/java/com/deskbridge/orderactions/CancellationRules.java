package com.deskbridge.orderactions;

import java.util.ArrayList;
import java.util.List;

/** The cancellation rules of {@link OrderActionPolicy}; see there for the list. */
final class CancellationRules {

    static final String FBA_ADVICE = "Amazon fulfils this order and sellers cannot cancel Amazon-fulfilled orders:"
            + " the Orders API has no cancel operation and the order acknowledgement feed only applies to seller-fulfilled orders."
            + " While it has not shipped, the buyer can request cancellation in Your Orders (Amazon decides);"
            + " otherwise contact Seller Support, or let it ship and refund it after the return.";

    private CancellationRules() {
    }

    static Validation<CancellationCommand> validate(OrderSnapshot order, CancellationRequest request, String sellerId) {
        List<Violation> violations = new ArrayList<>();
        if (!Rules.ownedBy(order, sellerId, request.orderId(), violations)) {
            return new Validation.Invalid<>(violations);
        }
        Rules.sameOrder(order, request.orderId(), violations);
        String status = OrderStatus.normalize(order.orderStatus());
        return switch (order.channel()) {
            case FBA -> {
                violations.add(new Violation("orderId", ViolationReason.FBA_CANCELLATION_NOT_POSSIBLE, FBA_ADVICE));
                yield new Validation.Invalid<>(violations);
            }
            case MCF -> {
                mcfState(order, status, violations);
                yield Validation.of(new McfCancellationCommand(order.sellerId(), order.marketplaceId(), order.orderId()), violations);
            }
            case FBM -> {
                if (request.reason() == null) {
                    violations.add(new Violation("reason", ViolationReason.REQUIRED,
                            "A cancel reason is required (one of Amazon's CancelReason values, e.g. NoInventory or BuyerCanceled)."));
                }
                fbmState(order, status, violations);
                yield violations.isEmpty()
                        ? new Validation.Valid<>(new OrderCancellationCommand(order.sellerId(), order.marketplaceId(), order.orderId(),
                                request.reason(), order.items().stream().map(OrderSnapshot.Item::orderItemId).toList()))
                        : new Validation.Invalid<>(violations);
            }
        };
    }

    private static void fbmState(OrderSnapshot order, String status, List<Violation> violations) {
        if (status.equals("CANCELLED")) {
            violations.add(new Violation("orderId", ViolationReason.ORDER_CANCELLED, "Order " + order.orderId() + " is already cancelled."));
        } else if (order.anythingShipped() || OrderStatus.SHIPPED.contains(status)) {
            violations.add(new Violation("orderId", ViolationReason.ORDER_SHIPPED,
                    "Order " + order.orderId() + " has shipped and can no longer be cancelled; refund it after the return instead."));
        } else if (!status.equals("UNSHIPPED")) {
            violations.add(new Violation("orderId", ViolationReason.ORDER_NOT_CANCELLABLE,
                    "Order " + order.orderId() + " is " + order.orderStatus() + "; a seller can cancel only Unshipped orders"
                            + (OrderStatus.NOT_CHARGED.contains(status) ? " (a pending order is not yet released to the seller)." : ".")));
        }
    }

    private static void mcfState(OrderSnapshot order, String status, List<Violation> violations) {
        if (status.equals("CANCELLED")) {
            violations.add(new Violation("orderId", ViolationReason.ORDER_CANCELLED, "Fulfilment order " + order.orderId() + " is already cancelled."));
        } else if (order.anythingShipped() || OrderStatus.SHIPPED.contains(status)) {
            violations.add(new Violation("orderId", ViolationReason.ORDER_SHIPPED,
                    "Fulfilment order " + order.orderId() + " has shipped (" + order.orderStatus() + ") and can no longer be cancelled."));
        } else if (!OrderStatus.MCF_CANCELLABLE.contains(status)) {
            violations.add(new Violation("orderId", ViolationReason.ORDER_NOT_CANCELLABLE,
                    "Fulfilment order " + order.orderId() + " is " + order.orderStatus()
                            + "; Amazon cancels multi-channel orders only while New, Received, Planning or Processing."));
        }
    }
}
