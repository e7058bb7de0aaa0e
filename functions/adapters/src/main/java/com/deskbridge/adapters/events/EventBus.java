package com.deskbridge.adapters.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts events on the project's EventBridge bus. PutEvents takes at most 10 entries and may reject some of them
 * (FailedEntryCount): rejected entries are retried, and if any is still rejected the call fails as a whole, so the
 * caller keeps its events in its outbox and publishes them later. Events carry stable ids; consumers drop repeats.
 */
public final class EventBus {
    private static final int MAX_ENTRIES = 10;
    private static final int ATTEMPTS = 3;

    private final EventBridgeClient events;
    private final String busName;

    public EventBus(EventBridgeClient events, String busName) {
        this.events = Objects.requireNonNull(events);
        this.busName = Objects.requireNonNull(busName);
    }

    public String name() {
        return busName;
    }

    /** A bus entry on this bus. */
    public PutEventsRequestEntry.Builder entry() {
        return PutEventsRequestEntry.builder().eventBusName(busName);
    }

    /** @throws IllegalStateException naming the first rejection when entries stay rejected after retries */
    public void put(List<PutEventsRequestEntry> entries) {
        for (int from = 0; from < entries.size(); from += MAX_ENTRIES) {
            List<PutEventsRequestEntry> pending = new ArrayList<>(entries.subList(from, Math.min(entries.size(), from + MAX_ENTRIES)));
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
}
