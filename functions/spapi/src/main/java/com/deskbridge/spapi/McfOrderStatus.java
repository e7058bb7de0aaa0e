package com.deskbridge.spapi;

import java.util.Locale;

/**
 * {@code fulfillmentOrderStatus} of an MCF order (fulfillmentOutbound_2020-07-01.json, getFulfillmentOrder). Amazon's model spells the values
 * {@code Complete}, {@code CompletePartialled}; its examples send {@code COMPLETE}: both are read.
 */
public enum McfOrderStatus {
    NEW, RECEIVED, PLANNING, PROCESSING, CANCELLED, COMPLETE, COMPLETE_PARTIALLED, UNFULFILLABLE, INVALID, UNKNOWN;

    public static McfOrderStatus parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        String key = value.replace("_", "").toUpperCase(Locale.ROOT);
        for (McfOrderStatus s : values()) {
            if (s.name().replace("_", "").equals(key)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** Amazon allows {@code cancelFulfillmentOrder} only before picking starts (New, Received, Planning). */
    public boolean cancellable() {
        return this == NEW || this == RECEIVED || this == PLANNING;
    }
}
