package com.deskbridge.domain.ticket;

import java.time.Instant;

/**
 * What the seller's queue shows of a ticket.
 *
 * @param awaitingReplySince the oldest buyer message not yet answered; null when nothing awaits a reply
 */
public record TicketSummary(
        TicketId id,
        SellerId seller,
        Channel channel,
        String marketplaceId,
        String orderId,
        String buyer,
        String subject,
        TicketStatus status,
        Instant createdAt,
        Instant lastMessageAt,
        Instant awaitingReplySince,
        int messageCount) {
}
