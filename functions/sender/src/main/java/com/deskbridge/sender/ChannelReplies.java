package com.deskbridge.sender;

import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.outbound.SendResult;

/**
 * A channel that carries a ticket's reply through its own messaging rather than as a mail (eBay's Message API). Like
 * {@link com.deskbridge.outbound.OutboundChannel} it never throws for delivery problems: it says whether the reply was
 * sent, may be tried again, or failed for good.
 */
@FunctionalInterface
public interface ChannelReplies {

    SendResult send(TicketDetail ticket, TicketMessage reply);
}
