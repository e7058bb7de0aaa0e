package com.deskbridge.logistics;

import java.time.Instant;
import java.util.List;

/** Builds snapshots for tests. */
final class Snapshots {
    private Snapshots() {
    }

    static TrackingSnapshot snapshot(TrackingStatus status, Instant lastEvent, Instant estimated, boolean rts,
                                     IncidentReason reason, Instant observedAt) {
        List<TrackingEvent> events = lastEvent == null ? List.of()
                : List.of(new TrackingEvent(lastEvent.minusSeconds(86_400), TrackingStatus.INFO_RECEIVED, "pre-transit", "label", "Bonn, DE", null),
                          new TrackingEvent(lastEvent, status, "code", "text", "Berlin, DE", reason));
        return new TrackingSnapshot(Carrier.DHL, "00340434161094042557", status, "code", "text", rts, reason, estimated,
                "Berlin, DE", events, observedAt, null);
    }
}
