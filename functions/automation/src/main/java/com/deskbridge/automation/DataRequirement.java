package com.deskbridge.automation;

/** Ticket data a rule needs before it may fire, so an answer is only sent when it can say something real. */
public enum DataRequirement {
    /** The ticket is linked to an order ({@link TicketFacts#order()}). */
    ORDER_KNOWN,
    /** A tracking number is known ({@link TicketFacts#tracking()}). */
    TRACKING_KNOWN;

    boolean metBy(TicketFacts facts) {
        return switch (this) {
            case ORDER_KNOWN -> facts.order().isPresent();
            case TRACKING_KNOWN -> facts.trackingKnown();
        };
    }
}
