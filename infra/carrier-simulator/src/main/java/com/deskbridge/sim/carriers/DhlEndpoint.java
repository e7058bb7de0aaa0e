package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * DHL Shipment Tracking - Unified: {@code GET /track/shipments?trackingNumber=} with the {@code DHL-API-Key} header
 * (https://developer.dhl.com/api-reference/shipment-tracking). Errors are problem+json ({@code title}, {@code status}, {@code detail}); a used-up
 * quota answers 429 with {@code Retry-After} and RateLimit headers.
 */
final class DhlEndpoint extends Endpoint {

    DhlEndpoint(CarrierState state, Map<String, ShipmentFixture> shipments, Clock clock) {
        super(state, shipments, clock);
    }

    @Override
    void route(HttpExchange ex, String path) throws IOException {
        if (!trackingGet(ex, path, "/track/shipments")) {
            return;
        }
        String number = query(ex).get("trackingNumber");
        if (number == null || number.isBlank()) {
            problem(ex, 400, "Bad Request", "Missing required parameter: trackingNumber");
            return;
        }
        var found = shipment(number);
        if (found.isEmpty() || found.get().visibleAt(now()).isEmpty()) {
            problem(ex, 404, "No result found", "No shipment with given tracking number found.");
            return;
        }
        sendJson(ex, 200, render(found.get()));
    }

    private ObjectNode render(ShipmentFixture s) {
        List<EventFixture> events = s.visibleAt(now());
        EventFixture latest = events.get(events.size() - 1);
        ObjectNode shipment = obj();
        shipment.put("id", s.trackingNumber());
        shipment.put("service", s.service() == null ? "parcel-de" : s.service());
        shipment.set("origin", place(s.originCity(), null, s.originCountry()));
        shipment.set("destination", place(s.destinationCity(), null, s.destinationCountry()));
        shipment.set("status", event(latest));
        if (s.estimatedDelivery() != null) {
            shipment.put("estimatedTimeOfDelivery", s.estimatedDelivery().toString());
        }
        ArrayNode list = shipment.putArray("events");
        for (int i = events.size() - 1; i >= 0; i--) { // DHL lists the newest event first
            list.add(event(events.get(i)));
        }
        ObjectNode root = obj();
        root.putArray("shipments").add(shipment);
        return root;
    }

    private static ObjectNode event(EventFixture e) {
        ObjectNode n = obj();
        n.put("timestamp", e.at().toString());
        n.set("location", place(e.city(), e.postalCode(), e.country()));
        n.put("statusCode", e.code());
        n.put("status", e.text());
        n.put("description", e.text());
        return n;
    }

    private static ObjectNode place(String city, String postalCode, String country) {
        ObjectNode address = obj();
        if (city != null) {
            address.put("addressLocality", city);
        }
        if (postalCode != null) {
            address.put("postalCode", postalCode);
        }
        if (country != null) {
            address.put("countryCode", country);
        }
        ObjectNode n = obj();
        n.set("address", address);
        return n;
    }

    private static void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        ObjectNode n = obj();
        n.put("title", title);
        n.put("status", status);
        n.put("detail", detail);
        send(ex, status, "application/problem+json", JSON.writeValueAsString(n));
    }

    @Override
    boolean authorized(HttpExchange ex, String body) {
        String key = ex.getRequestHeaders().getFirst("DHL-API-Key");
        if (key == null) {
            key = query(ex).get("DHL-API-Key");
        }
        return state.apiKeyMatches(key);
    }

    @Override
    void unauthorized(HttpExchange ex) throws IOException {
        problem(ex, 401, "Unauthorized", "Unauthorized for given resource.");
    }

    @Override
    void tooManyRequests(HttpExchange ex, CarrierState.QuotaCheck quota) throws IOException {
        retryAfter(ex, quota);
        problem(ex, 429, "Too many requests", "Too many requests. Allowed: " + quota.limit() + " per period.");
    }

    @Override
    void fault(HttpExchange ex, int status) throws IOException {
        problem(ex, status, status == 503 ? "Service Unavailable" : "Error", "Injected fault");
    }
}
