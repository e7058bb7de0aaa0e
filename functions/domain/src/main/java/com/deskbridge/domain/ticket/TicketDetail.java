package com.deskbridge.domain.ticket;

import java.util.Comparator;
import java.util.List;

/** A ticket with its messages, oldest first. */
public record TicketDetail(TicketSummary ticket, List<TicketMessage> messages) {
    public TicketDetail {
        messages = messages.stream()
                .sorted(Comparator.comparing(TicketMessage::receivedAt).thenComparing(TicketMessage::messageKey))
                .toList();
    }
}
