package com.deskbridge.domain.ticket;

import java.time.Instant;
import java.util.List;

/** A message as stored on a ticket. */
public record TicketMessage(
        String messageKey,
        String externalMessageId,
        Sender sender,
        String subject,
        String body,
        boolean bodyTruncated,
        List<Attachment> attachments,
        Instant receivedAt) {

    public TicketMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
