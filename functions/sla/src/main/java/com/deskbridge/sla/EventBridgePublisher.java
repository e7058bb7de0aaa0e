package com.deskbridge.sla;

import com.deskbridge.domain.escalation.DomainEvent;
import com.deskbridge.domain.escalation.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes domain events on the project's bus (source {@value #SOURCE}, detail-type = the event type). PutEvents
 * takes at most 10 entries and may reject some of them (FailedEntryCount): rejected entries are retried, and if
 * any is still rejected the publication fails as a whole, so the caller keeps the events in its outbox.
 */
public final class EventBridgePublisher implements EventPublisher {
    public static final String SOURCE = "deskbridge.sla";
    private static final int MAX_ENTRIES = 10;
    private static final int ATTEMPTS = 3;

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgePublisher(EventBridgeClient events, String busName) {
        this.events = Objects.requireNonNull(events);
        this.busName = Objects.requireNonNull(busName);
    }

    @Override
    public void publish(List<DomainEvent> domainEvents) {
        for (int from = 0; from < domainEvents.size(); from += MAX_ENTRIES) {
            List<PutEventsRequestEntry> pending = new ArrayList<>();
            for (DomainEvent e : domainEvents.subList(from, Math.min(domainEvents.size(), from + MAX_ENTRIES))) {
                pending.add(entry(e));
            }
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<PutEventsRequestEntry> sent = pending;
                PutEventsResponse response = events.putEvents(r -> r.entries(sent));
                pending = rejected(sent, response.entries());
                if (!pending.isEmpty() && attempt == ATTEMPTS) {
                    PutEventsResultEntry first = response.entries().stream().filter(r -> r.errorCode() != null)
                            .findFirst().orElse(null);
                    throw new IllegalStateException(pending.size() + " event(s) rejected by bus " + busName
                            + (first == null ? "" : ": " + first.errorCode() + " " + first.errorMessage()));
                }
            }
        }
    }

    private static List<PutEventsRequestEntry> rejected(List<PutEventsRequestEntry> sent, List<PutEventsResultEntry> results) {
        List<PutEventsRequestEntry> again = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (i >= results.size() || results.get(i).errorCode() != null) {
                again.add(sent.get(i));
            }
        }
        return again;
    }

    private PutEventsRequestEntry entry(DomainEvent e) {
        String detail = "{\"eventId\":\"" + e.id() + "\",\"sellerId\":\"" + e.seller().value()
                + "\",\"ticketId\":\"" + e.ticket().value() + "\",\"milestone\":\"" + e.milestone().name()
                + "\",\"milestoneAt\":\"" + e.milestoneAt() + "\",\"priority\":\"" + e.milestone().priority().name() + "\"}";
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(SOURCE)
                .detailType(e.type())
                .time(e.occurredAt())
                .detail(detail)
                .build();
    }
}
