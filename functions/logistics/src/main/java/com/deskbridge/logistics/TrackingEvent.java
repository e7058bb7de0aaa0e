package com.deskbridge.logistics;

import java.time.Instant;
import java.util.Objects;

/**
 * One carrier scan, normalised. The carrier's own code and text are kept verbatim for audit and for mappings we
 * get wrong (functions/carriers/README.md). {@code location} is city/region/country level only; {@code incidentReason}
 * is null when the event reports nothing unusual.
 */
public record TrackingEvent(Instant occurredAt, TrackingStatus status, String rawCode, String rawText,
                            String location, IncidentReason incidentReason) {

    public TrackingEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(status, "status");
        rawCode = rawCode == null ? "" : rawCode;
        rawText = rawText == null ? "" : rawText;
    }
}
