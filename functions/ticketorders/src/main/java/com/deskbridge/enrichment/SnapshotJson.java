package com.deskbridge.enrichment;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.TrackingEvent;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** A {@link TrackingSnapshot} as JSON, for the tracking cache item (Jackson-bound records; times as ISO-8601 text). */
final class SnapshotJson {
    /** Lenient on read: an item written by a newer version may carry fields this one does not know. */
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SnapshotJson() {
    }

    record Stored(String carrier, String trackingNumber, String status, String rawStatusCode, String rawStatusText,
                  boolean returnToSender, String incidentReason, String estimatedDelivery, String lastLocation,
                  String observedAt, String link, boolean linkLowConfidence, List<Event> events) {

        static Stored of(TrackingSnapshot s) {
            return new Stored(s.carrier().name(), s.trackingNumber(), s.status().name(), s.rawStatusCode(),
                    s.rawStatusText(), s.returnToSender(), name(s.incidentReason()), text(s.estimatedDelivery()),
                    s.lastLocation(), s.observedAt().toString(), s.link() == null ? null : s.link().url(),
                    s.link() != null && s.link().lowConfidence(), s.events().stream().map(Event::of).toList());
        }

        TrackingSnapshot snapshot() {
            return new TrackingSnapshot(Carrier.valueOf(carrier), trackingNumber, TrackingStatus.valueOf(status),
                    rawStatusCode, rawStatusText, returnToSender, incident(incidentReason), instant(estimatedDelivery),
                    lastLocation, events == null ? List.of() : events.stream().map(Event::event).toList(),
                    Instant.parse(observedAt), link == null ? null : new TrackingLink(link, linkLowConfidence));
        }
    }

    record Event(String at, String status, String rawCode, String rawText, String location, String incidentReason) {
        static Event of(TrackingEvent e) {
            return new Event(e.occurredAt().toString(), e.status().name(), e.rawCode(), e.rawText(), e.location(),
                    name(e.incidentReason()));
        }

        TrackingEvent event() {
            return new TrackingEvent(Instant.parse(at), TrackingStatus.valueOf(status), rawCode, rawText, location,
                    incident(incidentReason));
        }
    }

    static String write(TrackingSnapshot s) {
        try {
            return JSON.writeValueAsString(Stored.of(s));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("tracking snapshot not serialisable", e);
        }
    }

    static TrackingSnapshot read(String json) {
        try {
            return JSON.readValue(json, Stored.class).snapshot();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cached tracking snapshot is not JSON", e);
        }
    }

    private static String name(IncidentReason r) {
        return r == null ? null : r.name();
    }

    private static IncidentReason incident(String v) {
        return v == null ? null : IncidentReason.valueOf(v);
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String v) {
        return v == null ? null : Instant.parse(v);
    }
}
