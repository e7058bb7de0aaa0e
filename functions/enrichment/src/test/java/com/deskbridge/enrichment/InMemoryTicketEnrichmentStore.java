package com.deskbridge.enrichment;

import com.deskbridge.domain.sla.Priority;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A behavioural {@link TicketEnrichmentStore} in memory, on the same write rules ({@link EnrichmentWrite}), for the
 * module tests.
 */
final class InMemoryTicketEnrichmentStore implements TicketEnrichmentStore {

    private record Ticket(Current current, Priority priority, List<LogisticsEvent> outbox) {}

    private final Map<String, Ticket> tickets = new HashMap<>();
    private final Map<String, BuyerMessage> firstMessages = new HashMap<>();

    /** The ticket's first buyer message, for the order linker. */
    synchronized void addFirstMessage(String sellerId, String ticketId, BuyerMessage message) {
        firstMessages.put(sellerId + "|" + ticketId, message);
    }

    @Override
    public synchronized Optional<BuyerMessage> firstBuyerMessage(String sellerId, String ticketId) {
        return Optional.ofNullable(firstMessages.get(sellerId + "|" + ticketId));
    }

    @Override
    public synchronized Optional<String> learnOrder(String sellerId, String ticketId, String orderId) {
        Ticket t = tickets.get(sellerId + "|" + ticketId);
        if (t == null) {
            return Optional.empty();
        }
        Current c = t.current();
        if (c.orderId() == null) {
            tickets.put(sellerId + "|" + ticketId, new Ticket(new Current(c.channel(), orderId, c.marketplaceId(),
                    c.enrichment()), t.priority(), t.outbox()));
            return Optional.of(orderId);
        }
        return Optional.of(c.orderId());
    }

    /** A ticket of {@code channel} about {@code orderId}, with {@code priority} (null: none yet). */
    synchronized void addTicket(String sellerId, String ticketId, String channel, String orderId, String marketplaceId,
                                Priority priority) {
        tickets.put(sellerId + "|" + ticketId, new Ticket(new Current(channel, orderId, marketplaceId, null), priority, List.of()));
    }

    synchronized Optional<Priority> priority(String sellerId, String ticketId) {
        return Optional.ofNullable(tickets.get(sellerId + "|" + ticketId)).map(Ticket::priority);
    }

    @Override
    public synchronized Optional<Current> current(String sellerId, String ticketId) {
        return Optional.ofNullable(tickets.get(sellerId + "|" + ticketId)).map(Ticket::current);
    }

    @Override
    public synchronized WriteResult write(String sellerId, String ticketId, TicketEnrichment next) {
        Ticket t = tickets.get(sellerId + "|" + ticketId);
        if (t == null) {
            return new WriteResult(Outcome.NO_TICKET, null, List.of(), 0);
        }
        EnrichmentWrite.Plan plan = EnrichmentWrite.plan(sellerId, ticketId, t.current().enrichment(), t.priority(),
                t.outbox(), next);
        if (plan.stale()) {
            return new WriteResult(Outcome.STALE, t.priority(), List.of(), t.outbox().size());
        }
        Current c = t.current();
        tickets.put(sellerId + "|" + ticketId, new Ticket(new Current(c.channel(), c.orderId(), c.marketplaceId(), next),
                plan.priority(), plan.outbox()));
        return new WriteResult(Outcome.WRITTEN, plan.priority(), plan.raised(), plan.outbox().size());
    }

    @Override
    public synchronized List<LogisticsEvent> pendingEvents(String sellerId, String ticketId) {
        return Optional.ofNullable(tickets.get(sellerId + "|" + ticketId)).map(Ticket::outbox).orElse(List.of());
    }

    @Override
    public synchronized void clearPublished(String sellerId, String ticketId, Set<String> eventIds) {
        Ticket t = tickets.get(sellerId + "|" + ticketId);
        if (t != null) {
            tickets.put(sellerId + "|" + ticketId, new Ticket(t.current(), t.priority(),
                    t.outbox().stream().filter(e -> !eventIds.contains(e.eventId())).toList()));
        }
    }
}
