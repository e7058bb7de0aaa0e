package com.deskbridge.logistics;

import java.util.Locale;

/**
 * An Amazon order's status, accepting both the v0 spelling ("PartiallyShipped", "Canceled") and the v2026-01-01
 * {@code fulfillmentStatus} spelling ("PARTIALLY_SHIPPED", "CANCELLED") (ordersV0.json and orders_2026-01-01.json).
 */
public enum OrderStatus {
    PENDING_AVAILABILITY, PENDING, UNSHIPPED, PARTIALLY_SHIPPED, SHIPPED, CANCELLED, UNFULFILLABLE,
    INVOICE_UNCONFIRMED, UNKNOWN;

    public static OrderStatus fromAmazon(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String v = value.trim().toUpperCase(Locale.ROOT).replace("_", "");
        return switch (v) {
            case "PENDINGAVAILABILITY" -> PENDING_AVAILABILITY;
            case "PENDING" -> PENDING;
            case "UNSHIPPED" -> UNSHIPPED;
            case "PARTIALLYSHIPPED" -> PARTIALLY_SHIPPED;
            case "SHIPPED" -> SHIPPED;
            case "CANCELED", "CANCELLED" -> CANCELLED;
            case "UNFULFILLABLE" -> UNFULFILLABLE;
            case "INVOICEUNCONFIRMED" -> INVOICE_UNCONFIRMED;
            default -> UNKNOWN;
        };
    }
}
