package com.deskbridge.spapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Amazon's tracking of one MCF package (fulfillmentOutbound_2020-07-01.json {@code getPackageTrackingDetails}): the current
 * status ({@code IN_TRANSIT}, {@code DELIVERED}, {@code DELAYED}, ... kept as Amazon's string for the tracking
 * taxonomy mapping), the buyer-facing swiship.com link and the event history.
 */
public record McfPackageTracking(int packageNumber, Optional<String> trackingNumber, Optional<String> carrierCode,
                                 Optional<String> customerTrackingLink, Optional<String> currentStatus,
                                 Optional<String> currentStatusDescription, Optional<Instant> shipDate,
                                 Optional<Instant> estimatedArrivalDate, Optional<String> signedForBy,
                                 List<Event> trackingEvents) {

    public McfPackageTracking {
        trackingEvents = List.copyOf(trackingEvents);
    }

    /** One scan: {@code eventCode} EVENT_101…EVENT_804 (e.g. EVENT_301 Delivered), where and when. */
    public record Event(Optional<Instant> eventDate, String eventCode, Optional<String> eventDescription,
                        Optional<String> city, Optional<String> state, Optional<String> country) {}

    /** The most recent event by date, if any. */
    public Optional<Event> latestEvent() {
        return trackingEvents.stream().filter(e -> e.eventDate().isPresent())
                .max((a, b) -> a.eventDate().get().compareTo(b.eventDate().get()));
    }
}
