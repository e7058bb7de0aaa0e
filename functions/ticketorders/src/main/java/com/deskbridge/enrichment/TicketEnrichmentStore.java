package com.deskbridge.enrichment;

import com.deskbridge.domain.sla.Priority;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket's order and tracking context (a port: {@link DynamoDbTicketEnrichmentStore} keeps it on the ticket item;
 * tests keep it in memory). A write lands only if the ticket exists and only if it is not older than what is there
 * (a late retry must not overwrite a newer result); new proactive flags raise the ticket's priority and put one event
 * per newly flagged shipment into the ticket's outbox in the same write ({@link EnrichmentWrite} decides both), so
 * the flag and its event cannot be separated: an event leaves the outbox only after the bus accepted it.
 */
public interface TicketEnrichmentStore {

    /**
     * What a write did. {@code newEvents} are the events it put into the outbox; {@code outboxSize} is how many events
     * wait in the outbox after it (0: nothing to publish).
     */
    record WriteResult(Outcome outcome, Priority priority, List<LogisticsEvent> newEvents, int outboxSize) {
        public WriteResult {
            newEvents = List.copyOf(newEvents);
        }
    }

    enum Outcome { WRITTEN, STALE, NO_TICKET }

    /**
     * The ticket as enrichment sees it: its channel wire name ({@code amazon}, {@code ebay}, {@code shopify},
     * {@code email}), the order it names and its context so far (null: none yet).
     */
    record Current(String channel, String orderId, String marketplaceId, TicketEnrichment enrichment) {}

    Optional<Current> current(String sellerId, String ticketId);

    /** Writes {@code next} unless the ticket is missing or already carries a newer enrichment. */
    WriteResult write(String sellerId, String ticketId, TicketEnrichment next);

    /** Events waiting for the bus. */
    List<LogisticsEvent> pendingEvents(String sellerId, String ticketId);

    /** Removes events the bus accepted from the outbox (events added meanwhile stay). */
    void clearPublished(String sellerId, String ticketId, Set<String> eventIds);

    /** A ticket's first buyer message as the order linker reads it (buyer text: never logged). */
    record BuyerMessage(String senderAddress, String subject, String body) {}

    /** The ticket's earliest inbound message; empty when the ticket or its messages are gone. */
    Optional<BuyerMessage> firstBuyerMessage(String sellerId, String ticketId);

    /**
     * The ticket learns the order it is about (as when a buyer message names it): set only if it names none yet.
     *
     * @return the order id the ticket names after the call (another one if it had learnt one meanwhile); empty when
     *         the ticket is gone
     */
    Optional<String> learnOrder(String sellerId, String ticketId, String orderId);

    /** The enrichment on the ticket, if any. */
    default Optional<TicketEnrichment> read(String sellerId, String ticketId) {
        return current(sellerId, ticketId).map(Current::enrichment);
    }
}
