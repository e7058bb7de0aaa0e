package com.deskbridge.carriers;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.TrackingEvent;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns what an adapter read into a {@link TrackingSnapshot}, the same way for every carrier: current status from
 * the carrier's current status (or else its latest event), return-to-sender once any event says so, the incident of
 * the current status, and Expired when a parcel not yet delivered has been silent for
 * {@link #EXPIRED_AFTER} (AfterShip's rule, https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses).
 */
final class SnapshotAssembler {

    static final Duration EXPIRED_AFTER = Duration.ofDays(30);

    private SnapshotAssembler() {
    }

    static TrackingSnapshot assemble(Carrier carrier, String trackingNumber, String rawCode, String rawText,
                                     MappedStatus current, List<ParsedEvent> parsed, Instant estimatedDelivery,
                                     String lastLocation, Instant now, Locale linkLocale) {
        List<ParsedEvent> events = new ArrayList<>(parsed.stream().filter(e -> e.at() != null).toList());
        events.sort(Comparator.comparing(ParsedEvent::at));
        ParsedEvent latest = events.isEmpty() ? null : events.get(events.size() - 1);
        MappedStatus mapped = current != null ? current
                : latest != null ? latest.mapped() : MappedStatus.of(TrackingStatus.PENDING);
        boolean rts = mapped.returnToSender() || events.stream().anyMatch(e -> e.mapped().returnToSender());
        IncidentReason incident = mapped.incidentReason();
        TrackingStatus status = mapped.status();
        if (!status.terminal() && latest != null && !now.isBefore(latest.at().plus(EXPIRED_AFTER))) {
            status = TrackingStatus.EXPIRED;
        }
        String code = rawCode != null && !rawCode.isBlank() ? rawCode : latest == null ? "" : latest.code();
        String text = rawText != null && !rawText.isBlank() ? rawText : latest == null ? "" : latest.text();
        String location = lastLocation != null ? lastLocation : latest == null ? null : latest.location();
        List<TrackingEvent> out = events.stream().map(e -> new TrackingEvent(e.at(), e.mapped().status(), e.code(), e.text(),
                e.location(), e.mapped().incidentReason())).toList();
        return new TrackingSnapshot(carrier, trackingNumber, status, Objects.toString(code, ""), Objects.toString(text, ""),
                rts, incident, estimatedDelivery, location, out, now, carrier.trackingLink(trackingNumber, linkLocale).orElse(null));
    }
}
