package com.deskbridge.sla;

import com.deskbridge.adapters.metrics.Metrics;
import com.deskbridge.adapters.events.EventBus;
import com.deskbridge.domain.escalation.DomainEvent;
import com.deskbridge.domain.escalation.EventPublisher;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Publishes domain events on the project's bus (source {@value #SOURCE}, detail-type = the event type); see
 * {@link EventBus} for batching and rejected entries.
 */
public final class EventBridgePublisher implements EventPublisher {
    public static final String SOURCE = "deskbridge.sla";

    private final EventBus bus;

    public EventBridgePublisher(EventBridgeClient events, String busName) {
        this.bus = new EventBus(events, busName);
    }

    @Override
    public void publish(List<DomainEvent> domainEvents) {
        bus.put(domainEvents.stream().map(this::entry).toList());
        domainEvents.forEach(e -> Metrics.count(Metrics.SLA_EVENTS, "EventType", e.type(), 1));
    }

    private PutEventsRequestEntry entry(DomainEvent e) {
        String detail = "{\"eventId\":\"" + e.id() + "\",\"sellerId\":\"" + e.seller().value()
                + "\",\"ticketId\":\"" + e.ticket().value() + "\",\"milestone\":\"" + e.milestone().name()
                + "\",\"milestoneAt\":\"" + e.milestoneAt() + "\",\"priority\":\"" + e.milestone().priority().name() + "\"}";
        return bus.entry().source(SOURCE).detailType(e.type()).time(e.occurredAt()).detail(detail).build();
    }
}
