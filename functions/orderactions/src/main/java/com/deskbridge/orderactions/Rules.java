package com.deskbridge.orderactions;

import java.util.List;

/** Checks shared by refund and cancellation rules. */
final class Rules {

    private Rules() {
    }

    /**
     * Tenant isolation: another seller's order is reported as not found (its existence is not confirmed).
     * Returns false, with the violation added, when the order is not the caller's.
     */
    static boolean ownedBy(OrderSnapshot order, String sellerId, String requestedOrderId, List<Violation> violations) {
        if (sellerId == null || !sellerId.equals(order.sellerId())) {
            violations.add(new Violation("orderId", ViolationReason.FOREIGN_ORDER,
                    "No order " + (requestedOrderId == null ? order.orderId() : requestedOrderId) + " was found for this seller."));
            return false;
        }
        return true;
    }

    /** The request must name the order that was loaded. */
    static void sameOrder(OrderSnapshot order, String requestedOrderId, List<Violation> violations) {
        if (requestedOrderId == null || requestedOrderId.isBlank()) {
            violations.add(new Violation("orderId", ViolationReason.REQUIRED, "The order id is required."));
        } else if (!requestedOrderId.equals(order.orderId())) {
            violations.add(new Violation("orderId", ViolationReason.ORDER_MISMATCH,
                    "The request names order " + requestedOrderId + " but order " + order.orderId() + " was loaded."));
        }
    }
}
