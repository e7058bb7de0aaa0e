package com.deskbridge.spapi;

import java.util.Locale;

/**
 * An Amazon order's status, one vocabulary for both Orders API versions: v2026-01-01
 * {@code fulfillment.fulfillmentStatus} and v0 {@code OrderStatus} (orders_2026-01-01.json, ordersV0.json).
 */
public enum OrderStatus {
    PENDING_AVAILABILITY, PENDING, UNSHIPPED, PARTIALLY_SHIPPED, SHIPPED, CANCELLED, UNFULFILLABLE,
    /** v0 only (Amazon Business invoicing). */
    INVOICE_UNCONFIRMED,
    /** Status not requested (v2026 without FULFILLMENT) or a value this client does not know yet. */
    UNKNOWN;

    /** Reads either spelling: {@code PARTIALLY_SHIPPED} (v2026) or {@code PartiallyShipped} / {@code Canceled} (v0). */
    public static OrderStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return UNKNOWN;
        }
        String key = value.replace("_", "").toUpperCase(Locale.ROOT);
        if (key.equals("CANCELED")) {
            return CANCELLED;
        }
        for (OrderStatus s : values()) {
            if (s.name().replace("_", "").equals(key)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
