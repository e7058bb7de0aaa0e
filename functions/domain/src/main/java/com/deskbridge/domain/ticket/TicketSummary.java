package com.deskbridge.domain.ticket;

import java.time.Instant;

/**
 * What the seller's queue shows of a ticket.
 *
 * @param awaitingReplySince the oldest buyer message not yet answered; null when nothing awaits a reply
 * @param intent             the latest buyer message's intent (wire name); null when not classified
 * @param tags               tags gathered over the conversation
 * @param priority           raised by SLA escalation, never lowered by it
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
        int messageCount,
        String intent,
        java.util.Set<String> tags,
        com.deskbridge.domain.sla.Priority priority) {
    public TicketSummary {
        tags = tags == null ? java.util.Set.of() : java.util.Set.copyOf(tags);
        priority = priority == null ? com.deskbridge.domain.sla.Priority.NORMAL : priority;
    }
}
