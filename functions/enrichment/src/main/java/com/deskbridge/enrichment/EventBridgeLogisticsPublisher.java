package com.deskbridge.enrichment;

import com.deskbridge.adapters.events.EventBus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Publishes {@link LogisticsEvent}s on the project's bus (source {@value LogisticsEvent#SOURCE}, detail-type per
 * flag). PutEvents takes at most 10 entries and may reject some: rejected entries are retried a few times, and if
 * any is still rejected the call fails as a whole so the caller keeps the events in the ticket's outbox. The detail
 * carries identifiers, carrier and status only (no buyer data).
 */
public final class EventBridgeLogisticsPublisher implements LogisticsEventPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBus bus;

    public EventBridgeLogisticsPublisher(EventBridgeClient events, String busName) {
        this.bus = new EventBus(events, busName);
    }

    @Override
    public void publish(List<LogisticsEvent> logisticsEvents) {
        bus.put(logisticsEvents.stream().map(this::entry).toList());
    }

    private PutEventsRequestEntry entry(LogisticsEvent e) {
        ObjectNode d = JSON.createObjectNode();
        d.put("eventId", e.eventId());
        d.put("flag", e.flag().name());
        d.put("sellerId", e.sellerId());
        d.put("ticketId", e.ticketId());
        d.put("orderId", e.orderId());
        d.put("carrier", e.carrier());
        d.put("trackingNumber", e.trackingNumber());
        d.put("status", e.status());
        d.put("occurredAt", e.occurredAt().toString());
        return bus.entry().source(LogisticsEvent.SOURCE).detailType(e.detailType()).time(e.occurredAt())
                .detail(d.toString()).build();
    }
}
