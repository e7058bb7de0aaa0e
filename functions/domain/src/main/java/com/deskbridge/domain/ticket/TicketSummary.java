package com.deskbridge.domain.ticket;

import com.deskbridge.domain.sla.Priority;
import java.time.Instant;
import java.util.Set;

/**
 * What the seller's queue shows of a ticket.
 *
 * @param awaitingReplySince the oldest buyer message not yet answered; null when nothing awaits a reply
 * @param intent             the latest buyer message's intent (wire name); null when not classified
 * @param tags               tags gathered over the conversation and set by agents
 * @param priority           raised by SLA escalation, never lowered by it
 * @param assignee           the agent who owns the ticket; null when unassigned
 * @param dueAt              the earliest response deadline of the waiting period (seller target, marketplace
 *                           deadline or cancellation deadline); null when nothing awaits a reply. The open queue
 *                           is ordered by it.
 * @param lastMessagePreview the first line of the latest message (buyer's or reply), shortened; null when unknown
 * @param sendFailure        the latest reply the channel refused for good, while no agent has acted since; null
 *                           otherwise
 * @param threadKey          the channel's own conversation id from the message that opened the ticket (eBay's
 *                           conversation id, which the reply continues); null where the channel has none
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
        Set<String> tags,
        Priority priority,
        String assignee,
        Instant dueAt,
        String lastMessagePreview,
        SendFailure sendFailure,
        String threadKey) {
    public TicketSummary {
        // served as stored, so cleaned again ({@link BuyerText}); subjects stored before intake bounded them too
        subject = BuyerText.line(subject, InboundMessage.MAX_SUBJECT_CHARS);
        buyer = BuyerText.line(buyer);
        orderId = BuyerText.line(orderId);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        priority = priority == null ? Priority.NORMAL : priority;
        threadKey = BuyerText.line(threadKey);
    }

    /** Without the channel's thread key. */
    public TicketSummary(TicketId id, SellerId seller, Channel channel, String marketplaceId, String orderId, String buyer,
                         String subject, TicketStatus status, Instant createdAt, Instant lastMessageAt,
                         Instant awaitingReplySince, int messageCount, String intent, Set<String> tags, Priority priority,
                         String assignee, Instant dueAt, String lastMessagePreview, SendFailure sendFailure) {
        this(id, seller, channel, marketplaceId, orderId, buyer, subject, status, createdAt, lastMessageAt,
                awaitingReplySince, messageCount, intent, tags, priority, assignee, dueAt, lastMessagePreview, sendFailure,
                null);
    }

    /** Without preview and send failure. */
    public TicketSummary(TicketId id, SellerId seller, Channel channel, String marketplaceId, String orderId, String buyer,
                         String subject, TicketStatus status, Instant createdAt, Instant lastMessageAt,
                         Instant awaitingReplySince, int messageCount, String intent, Set<String> tags, Priority priority,
                         String assignee, Instant dueAt) {
        this(id, seller, channel, marketplaceId, orderId, buyer, subject, status, createdAt, lastMessageAt,
                awaitingReplySince, messageCount, intent, tags, priority, assignee, dueAt, null, null, null);
    }
}
