package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A shipment of the fixture world. Events are kept oldest first; only those not in the future are visible. */
record ShipmentFixture(String carrier, String trackingNumber, String slug, String service, Instant estimatedDelivery,
                       String originCity, String originCountry, String destinationCity, String destinationState,
                       String destinationCountry, List<EventFixture> events) {

    static final List<String> DIRECT = List.of("dhl", "ups", "fedex", "usps", "dpd");

    static ShipmentFixture parse(JsonNode n, Instant start) {
        String carrier = EventFixture.text(n, "carrier");
        String number = EventFixture.text(n, "trackingNumber");
        if (carrier == null || number == null) {
            throw new IllegalArgumentException("every shipment needs carrier and trackingNumber: " + n);
        }
        List<EventFixture> events = new ArrayList<>();
        JsonNode ev = n.path("events");
        for (JsonNode e : ev) {
            events.add(EventFixture.parse(e, start));
        }
        events.sort(Comparator.comparing(EventFixture::at));
        JsonNode origin = n.path("origin");
        JsonNode destination = n.path("destination");
        String c = carrier.trim().toLowerCase(Locale.ROOT);
        String slug = EventFixture.text(n, "slug");
        return new ShipmentFixture(c, number, slug == null ? c : slug, EventFixture.text(n, "service"),
                SimTime.resolve(EventFixture.text(n, "estimatedDelivery"), start),
                EventFixture.text(origin, "city"), EventFixture.text(origin, "country"),
                EventFixture.text(destination, "city"), EventFixture.text(destination, "state"),
                EventFixture.text(destination, "country"), List.copyOf(events));
    }

    /** The simulator key that serves this shipment: the carrier itself, or the aggregator for all others. */
    String upstream() {
        return DIRECT.contains(carrier) ? carrier : "aggregator";
    }

    List<EventFixture> visibleAt(Instant now) {
        return events.stream().filter(e -> e.at() == null || !e.at().isAfter(now)).toList();
    }
}
