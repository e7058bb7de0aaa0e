package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.InternalNote;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.List;

/** Agents' internal notes on tickets. */
public interface TicketNotes {

    /** Stores the note; it may quote the buyer, so it expires with the ticket's personal data. */
    void add(SellerId seller, TicketId ticket, InternalNote note, Instant expiresAt);

    /** The ticket's notes, oldest first (expired ones never). */
    List<InternalNote> notes(SellerId seller, TicketId ticket, Instant now);
}
