package com.deskbridge.enrichment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes {@link LogisticsEvent}s on the project's bus (source {@value LogisticsEvent#SOURCE}, detail-type per
 * flag). PutEvents takes at most 10 entries and may reject some: rejected entries are retried a few times, and if
 * any is still rejected the call fails as a whole so the caller keeps the events in the ticket's outbox. The detail
 * carries identifiers, carrier and status only (no buyer data).
 */
public final class EventBridgeLogisticsPublisher implements LogisticsEventPublisher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENTRIES = 10;
    private static final int ATTEMPTS = 3;

    private final EventBridgeClient events;
    private final String busName;

    public EventBridgeLogisticsPublisher(EventBridgeClient events, String busName) {
        this.events = Objects.requireNonNull(events);
        this.busName = Objects.requireNonNull(busName);
    }

    @Override
    public void publish(List<LogisticsEvent> logisticsEvents) {
        for (int from = 0; from < logisticsEvents.size(); from += MAX_ENTRIES) {
            List<PutEventsRequestEntry> pending = new ArrayList<>();
            for (LogisticsEvent e : logisticsEvents.subList(from, Math.min(logisticsEvents.size(), from + MAX_ENTRIES))) {
                pending.add(entry(e));
            }
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<PutEventsRequestEntry> sent = pending;
                PutEventsResponse response = events.putEvents(r -> r.entries(sent));
                pending = rejected(sent, response.entries());
                if (!pending.isEmpty() && attempt == ATTEMPTS) {
                    PutEventsResultEntry first = response.entries().stream().filter(r -> r.errorCode() != null)
                            .findFirst().orElse(null);
                    throw new IllegalStateException(pending.size() + " logistics event(s) rejected by bus " + busName
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
        return PutEventsRequestEntry.builder().eventBusName(busName).source(LogisticsEvent.SOURCE)
                .detailType(e.detailType()).time(e.occurredAt()).detail(d.toString()).build();
    }
}
