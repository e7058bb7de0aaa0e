package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.SendStatus;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.List;

/**
 * Replies recorded but not yet handed to their channel (QUEUED, SENDING or RETRYING), oldest first: what the re-drive
 * reads to find replies whose hand-over to the sender was lost. Reads cost what is unsent, never the whole table.
 */
public interface UnsentReplies {

    record UnsentReply(SellerId seller, TicketId ticket, String messageKey, SendStatus status, Instant recordedAt,
                       Instant statusSince) {
    }

    /** Unsent replies recorded before {@code cutoff}, at most {@code limit}. */
    List<UnsentReply> recordedBefore(Instant cutoff, int limit);
}
