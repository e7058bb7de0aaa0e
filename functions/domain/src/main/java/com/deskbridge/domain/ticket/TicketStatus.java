package com.deskbridge.domain.ticket;

import java.util.Locale;

/** Where a ticket stands. A new buyer message re-opens a ticket in any status. */
public enum TicketStatus {
    OPEN, PENDING, CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        for (TicketStatus s : values()) {
            if (s.name().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new InvalidInputException(field, "must be one of open, pending, closed (was '" + value + "')");
    }
}
