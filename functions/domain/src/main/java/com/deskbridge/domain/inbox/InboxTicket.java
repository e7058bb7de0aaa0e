package com.deskbridge.domain.inbox;

import com.deskbridge.domain.ticket.TicketSummary;
import java.util.Objects;

/** A ticket as a view lists it: the queue's summary and its priority score with reasons, as of the read. */
public record InboxTicket(TicketSummary ticket, PriorityScore score) {
    public InboxTicket {
        Objects.requireNonNull(ticket);
        Objects.requireNonNull(score);
    }
}
