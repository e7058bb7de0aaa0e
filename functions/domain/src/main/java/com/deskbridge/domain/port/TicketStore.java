package com.deskbridge.domain.port;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.Optional;

/** Where tickets live. Every read and write is scoped to one seller: the seller is part of every key. */
public interface TicketStore {

    /** What {@link #append} did. */
    enum AppendOutcome { APPENDED, DUPLICATE }

    /**
     * Atomically adds the message to its ticket, creating or re-opening the ticket. A message already stored
     * (same channel and external id) changes nothing and returns {@link AppendOutcome#DUPLICATE}.
     *
     * @param personalDataExpiresAt when the buyer's personal data in this message must be gone
     * @param triage                 intent, tags and the SLA timeline; a ticket already waiting for a reply keeps
     *                                its timeline (the oldest unanswered message rules)
     */
    AppendOutcome append(InboundMessage message, Instant personalDataExpiresAt, Triage triage);

    Optional<TicketDetail> find(SellerId seller, TicketId id, Instant now);

    /**
     * Stops the ticket's response clock because its buyer messages need no answer (Seller Central's "no response
     * needed", which has no API): closes the ticket, forgets its SLA timeline and takes it out of the due index.
     * A later buyer message re-opens it and starts a new clock.
     *
     * @return false when the seller has no such ticket
     */
    boolean markNoResponseNeeded(SellerId seller, TicketId id, String agentId, Instant at);

    /**
     * The seller's tickets in one status, oldest waiting first.
     *
     * @param cursor null for the first page, otherwise a {@link Page#nextCursor()} this store returned
     * @throws com.deskbridge.domain.ticket.InvalidInputException naming "cursor" when the cursor is not one of ours
     */
    Page<TicketSummary> listByStatus(SellerId seller, TicketStatus status, int limit, String cursor, Instant now);
}
