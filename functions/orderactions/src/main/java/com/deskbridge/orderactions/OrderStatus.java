package com.deskbridge.orderactions;

import java.util.Locale;
import java.util.Set;

/**
 * Reads an order status in any of the spellings Amazon uses: Orders API v0 ({@code PartiallyShipped},
 * {@code Canceled}), v2026-01-01 ({@code PARTIALLY_SHIPPED}, {@code CANCELLED}) and Fulfillment Outbound
 * ({@code Cancelled}, {@code CompletePartialled}); ordersV0.json, orders_2026-01-01.json, fulfillmentOutbound_2020-07-01.json.
 */
final class OrderStatus {

    static final Set<String> MCF_CANCELLABLE = Set.of("NEW", "RECEIVED", "PLANNING", "PROCESSING");
    static final Set<String> SHIPPED = Set.of("SHIPPED", "PARTIALLYSHIPPED", "INVOICEUNCONFIRMED", "COMPLETE", "COMPLETEPARTIALLED");
    static final Set<String> NOT_CHARGED = Set.of("PENDING", "PENDINGAVAILABILITY");

    private OrderStatus() {
    }

    /** Upper case without separators; both cancel spellings become {@code CANCELLED}. */
    static String normalize(String status) {
        String s = status.toUpperCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
        return s.equals("CANCELED") ? "CANCELLED" : s;
    }

    static boolean isCancelled(String status) {
        return normalize(status).equals("CANCELLED");
    }
}
