package com.deskbridge.domain.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A message as stored on a ticket: a buyer's (direction in) or the seller side's reply (direction out).
 *
 * @param receivedAt  when the buyer's message arrived, or when the reply was recorded
 * @param agentId     the agent who wrote a reply; null for buyer messages and automatic replies
 * @param sendStatus  the reply's delivery state; null for buyer messages
 * @param sendDetail  why the last send attempt failed, for the agent; null otherwise
 * @param automatic   true for replies the rule engine sent (acknowledgements do not stop Amazon's clock)
 */
public record TicketMessage(
        String messageKey,
        String externalMessageId,
        Sender sender,
        String subject,
        String body,
        boolean bodyTruncated,
        List<Attachment> attachments,
        Instant receivedAt,
        Direction direction,
        String agentId,
        SendStatus sendStatus,
        String sendDetail,
        boolean automatic) {

    public TicketMessage {
        // served as stored, so cleaned again: messages stored before intake normalised text ({@link BuyerText})
        subject = BuyerText.line(subject, 4 + InboundMessage.MAX_SUBJECT_CHARS);
        body = BuyerText.text(body);
        externalMessageId = BuyerText.line(externalMessageId);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        direction = direction == null ? Direction.IN : direction;
    }

    /** A buyer's message. */
    public static TicketMessage inbound(String messageKey, String externalMessageId, Sender sender, String subject,
                                        String body, boolean bodyTruncated, List<Attachment> attachments,
                                        Instant receivedAt) {
        return new TicketMessage(messageKey, externalMessageId, sender, subject, body, bodyTruncated, attachments,
                receivedAt, Direction.IN, null, null, null, false);
    }
}
