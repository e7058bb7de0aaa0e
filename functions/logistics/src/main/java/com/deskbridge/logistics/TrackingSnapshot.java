package com.deskbridge.logistics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a carrier said about one parcel at {@code observedAt}. Events are kept oldest first. {@code status} is the
 * carrier's current status in our taxonomy; {@code rawStatusCode}/{@code rawStatusText} are the carrier's own words
 * for it. {@code estimatedDelivery}, {@code lastLocation}, {@code incidentReason} and {@code link} may be null.
 */
public record TrackingSnapshot(Carrier carrier, String trackingNumber, TrackingStatus status, String rawStatusCode,
                               String rawStatusText, boolean returnToSender, IncidentReason incidentReason,
                               Instant estimatedDelivery, String lastLocation, List<TrackingEvent> events,
                               Instant observedAt, TrackingLink link) {

    public TrackingSnapshot {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(trackingNumber, "trackingNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observedAt, "observedAt");
        rawStatusCode = rawStatusCode == null ? "" : rawStatusCode;
        rawStatusText = rawStatusText == null ? "" : rawStatusText;
        events = events == null ? List.of()
                : events.stream().sorted(Comparator.comparing(TrackingEvent::occurredAt)).toList();
    }

    public Optional<TrackingEvent> latestEvent() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** When the carrier last reported anything, if ever. */
    public Optional<Instant> lastEventAt() {
        return latestEvent().map(TrackingEvent::occurredAt);
    }

    public Optional<Instant> estimatedDeliveryOpt() {
        return Optional.ofNullable(estimatedDelivery);
    }
}
