package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;

/**
 * Hands a recorded reply to the sender (a queue in AWS). The reply is already stored as QUEUED, so a failed hand-over
 * loses nothing: the re-drive finds replies left QUEUED and hands them over again.
 */
public interface ReplyDispatcher {

    /** @throws RuntimeException when the hand-over failed (the caller reports the reply as queued regardless) */
    void dispatch(SellerId seller, TicketId ticket, String messageKey);
}
