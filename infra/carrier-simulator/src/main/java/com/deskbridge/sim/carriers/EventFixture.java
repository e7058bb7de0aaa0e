package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One scan of a fixture shipment. {@code code} is the carrier's own code (DHL statusCode, UPS activity status code,
 * FedEx event type, USPS eventCode, DPD status, aggregator tag); {@code type} is UPS's status type (D/I/X/P/M/MV/U),
 * {@code category} USPS's statusCategory, {@code subtag} the aggregator's subtag.
 */
record EventFixture(Instant at, String code, String type, String category, String subtag, String text, String city,
                    String state, String country, String postalCode) {

    static EventFixture parse(JsonNode n, Instant start) {
        return new EventFixture(SimTime.resolve(text(n, "at"), start), text(n, "code"), text(n, "type"),
                text(n, "category"), text(n, "subtag"), text(n, "text"), text(n, "city"), text(n, "state"),
                text(n, "country"), text(n, "postalCode"));
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
