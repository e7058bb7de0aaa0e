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

    /**
     * The buyer's name as their first message shows it, without the relay's suffix ("Jane Doe - Amazon
     * Marketplace" becomes "Jane Doe"); empty when no message carries one.
     */
    public java.util.Optional<String> buyerDisplayName() {
        return messages.stream().filter(m -> m.direction() == Direction.IN)
                .map(m -> m.sender().displayName()).filter(n -> n != null && !n.isBlank())
                .map(n -> n.replaceFirst("(?i)\\s*-\\s*amazon( marketplace)?\\s*$", "").strip())
                .filter(n -> !n.isEmpty()).findFirst();
    }

    /** The latest buyer message, if any (its intent and language are the ticket's). */
    public java.util.Optional<TicketMessage> latestBuyerMessage() {
        TicketMessage latest = null;
        for (TicketMessage m : messages) {
            if (m.direction() == Direction.IN) {
                latest = m;
            }
        }
        return java.util.Optional.ofNullable(latest);
    }
}
