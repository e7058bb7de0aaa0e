package com.deskbridge.domain.ticket;

import java.util.Locale;

/** Who wrote a message on a ticket: the buyer (in) or the seller's side (out: an agent or an automatic reply). */
public enum Direction {
    IN, OUT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
