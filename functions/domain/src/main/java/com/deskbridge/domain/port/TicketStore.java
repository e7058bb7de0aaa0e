package com.deskbridge.domain.port;

import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Where tickets live. Every read and write is scoped to one seller: the seller is part of every key. */
public interface TicketStore {

    /** What {@link #append} did. */
    enum AppendOutcome { APPENDED, DUPLICATE }

    /** What {@link #recordReply} did. */
    enum ReplyOutcome { RECORDED, DUPLICATE, NO_SUCH_TICKET }

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
     * Records a reply as QUEUED for sending. An agent's reply answers the buyer: it stops the response clock (the
     * ticket becomes pending, leaves the due index) and records the first-response time for the SLA metrics, all in
     * one transaction with the reply. An automatic reply leaves the clock running. The same message key twice
     * records once ({@link ReplyOutcome#DUPLICATE}).
     *
     * @param personalDataExpiresAt when the reply's text (which may quote the buyer) must be gone
     */
    ReplyOutcome recordReply(SellerId seller, TicketId id, OutgoingReply reply, Instant personalDataExpiresAt);

    /**
     * Moves a reply's delivery state. Only forward moves from the given states happen (a conditional write), so
     * two senders cannot both claim one reply.
     *
     * <p>A move to {@link SendStatus#FAILED} means the buyer never got the reply, so it never leaves the clock
     * stopped: in the same transaction the ticket is open again, waiting since the buyer's message the reply answered,
     * due now (a {@link com.deskbridge.domain.sla.MilestoneKind#REPLY_FAILED} milestone in the due index), its
     * priority at least HIGH, with the failure on it ({@link TicketSummary#sendFailure()}); the first-response record
     * the reply wrote is withdrawn.
     *
     * @return false when the reply was not in one of {@code from}
     */
    boolean updateSendStatus(SellerId seller, TicketId id, String messageKey, Set<SendStatus> from, SendStatus to,
                             String detail, Instant at);

    /** Sets (or with null clears) the agent who owns the ticket; false when the seller has no such ticket. */
    boolean assign(SellerId seller, TicketId id, String assignee, Instant at);

    /** Adds and removes agent tags; false when the seller has no such ticket. */
    boolean retag(SellerId seller, TicketId id, Set<String> add, Set<String> remove, Instant at);

    /**
     * Closes the ticket: it leaves the open queue and its clock stops. A later buyer message re-opens it.
     *
     * @return false when the seller has no such ticket
     */
    boolean close(SellerId seller, TicketId id, String agentId, Instant at);

    /**
     * The seller's tickets matching the filter, earliest response deadline first (tickets without one last, by
     * time of arrival).
     *
     * @param cursor null for the first page, otherwise a {@link Page#nextCursor()} this store returned
     * @throws com.deskbridge.domain.ticket.InvalidInputException naming "cursor" when the cursor is not one of ours
     */
    Page<TicketSummary> list(SellerId seller, TicketFilter filter, int limit, String cursor, Instant now);
}
