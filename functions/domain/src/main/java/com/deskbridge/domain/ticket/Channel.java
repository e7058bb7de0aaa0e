package com.deskbridge.domain.ticket;

import java.util.Locale;

/** The marketplace or mailbox a buyer message came through. */
public enum Channel {
    AMAZON, EBAY, SHOPIFY, EMAIL;

    /** Wire name, lower case ("amazon"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name, case-insensitively.
     *
     * @throws InvalidInputException naming {@code field} when the value is not a known channel
     */
    public static Channel parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        for (Channel c : values()) {
            if (c.name().equalsIgnoreCase(value.trim())) {
                return c;
            }
        }
        throw new InvalidInputException(field, "must be one of amazon, ebay, shopify, email (was '" + value + "')");
    }
}
