package com.deskbridge.enrichment;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.MappedStatus;
import com.deskbridge.logistics.McfTrackingStatus;
import com.deskbridge.logistics.TrackingEvent;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.spapi.McfFulfillmentOrder;
import com.deskbridge.spapi.McfPackageTracking;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns Amazon's MCF package tracking (fulfillmentOutbound_2020-07-01.json {@code getPackageTrackingDetails}) into a
 * {@link TrackingSnapshot}: {@code currentStatus} through {@link McfTrackingStatus}, each event's
 * {@code EVENT_nnn} code to our taxonomy (301/801 delivered, 302 out for delivery, 304 attempt, 308 pickup point,
 * 4xx exceptions with 409 lost, 401 incorrect address, 405 damaged, 407 refused, 416 undeliverable; the rest in
 * transit), the swiship.com link as the tracking link. {@code signedForBy} (a person's name) is never copied.
 */
final class McfSnapshots {

    private McfSnapshots() {
    }

    /** The number a package is cached and shown under: Amazon's tracking number, else the package number. */
    static String trackingNumber(McfFulfillmentOrder.Package p) {
        return p.trackingNumber().orElse("MCF-PKG-" + p.packageNumber());
    }

    static Carrier carrier(McfFulfillmentOrder.Package p) {
        return Carrier.fromName(p.carrierCode().orElse("AMZN"));
    }

    static TrackingSnapshot snapshot(McfFulfillmentOrder.Package p, McfPackageTracking t, Instant observedAt) {
        String current = t.currentStatus().orElse("UNKNOWN");
        MappedStatus mapped = McfTrackingStatus.delivery(current).orElseGet(() -> MappedStatus.of(
                McfTrackingStatus.returnStatus(current).isPresent() ? TrackingStatus.DELIVERED : TrackingStatus.PENDING));
        List<TrackingEvent> events = new ArrayList<>();
        for (McfPackageTracking.Event e : t.trackingEvents()) {
            if (e.eventDate().isEmpty()) {
                continue;
            }
            MappedStatus m = event(e.eventCode());
            String location = Stream.of(e.city(), e.state(), e.country()).flatMap(java.util.Optional::stream)
                    .filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
            events.add(new TrackingEvent(e.eventDate().get(), m.status(), e.eventCode(), e.eventDescription().orElse(""),
                    location.isEmpty() ? null : location, m.incidentReason()));
        }
        String last = events.isEmpty() ? null
                : events.stream().max(java.util.Comparator.comparing(TrackingEvent::occurredAt)).get().location();
        Instant eta = t.estimatedArrivalDate().or(p::estimatedArrivalDate).orElse(null);
        TrackingLink link = t.customerTrackingLink().map(u -> new TrackingLink(u, false)).orElse(null);
        return new TrackingSnapshot(Carrier.fromName(t.carrierCode().or(p::carrierCode).orElse("AMZN")),
                t.trackingNumber().orElse(trackingNumber(p)), mapped.status(), current,
                t.currentStatusDescription().orElse(""), mapped.returnToSender(), mapped.incidentReason(), eta, last,
                events, observedAt, link);
    }

    static MappedStatus event(String code) {
        String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return switch (c) {
            case "EVENT_301", "EVENT_801" -> MappedStatus.of(TrackingStatus.DELIVERED);
            case "EVENT_302" -> MappedStatus.of(TrackingStatus.OUT_FOR_DELIVERY);
            case "EVENT_304" -> MappedStatus.of(TrackingStatus.ATTEMPT_FAIL, IncidentReason.CONSIGNEE_NOT_HOME);
            case "EVENT_308" -> MappedStatus.of(TrackingStatus.AVAILABLE_FOR_PICKUP);
            case "EVENT_401" -> MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CONSIGNEE_INCORRECT_ADDRESS);
            case "EVENT_405" -> MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CARRIER_DAMAGED_PARCEL);
            case "EVENT_407" -> MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CONSIGNEE_REFUSED);
            case "EVENT_409" -> MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.CARRIER_PARCEL_LOST);
            case "EVENT_416" -> MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.UNDELIVERABLE);
            default -> c.startsWith("EVENT_4") ? MappedStatus.of(TrackingStatus.EXCEPTION, IncidentReason.UNKNOWN)
                    : MappedStatus.of(TrackingStatus.IN_TRANSIT);
        };
    }
}
