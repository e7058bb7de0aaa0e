package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * An AfterShip-style aggregator (https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses): {@code GET /trackings?tracking_numbers=&slug=} with the
 * {@code as-api-key} header; answers {@code {"meta":{"code"},"data":{"trackings":[...]}}} with AfterShip's nine tags
 * plus subtag per tracking and checkpoint. Serves every fixture shipment whose carrier has no direct simulator.
 * Rate limiting answers 429 with {@code as-rate-limit-*} headers.
 */
final class AggregatorEndpoint extends Endpoint {

    AggregatorEndpoint(CarrierState state, Map<String, ShipmentFixture> shipments, Clock clock) {
        super(state, shipments, clock);
    }

    @Override
    void route(HttpExchange ex, String path) throws IOException {
        if (!trackingGet(ex, path, "/trackings")) {
            return;
        }
        Map<String, String> q = query(ex);
        String number = q.get("tracking_numbers");
        String slug = q.get("slug");
        ObjectNode root = meta(200, null, null);
        ArrayNode list = root.putObject("data").putArray("trackings");
        var found = shipment(number).filter(s -> slug == null || slug.isBlank() || slug.equals(s.slug()))
                .filter(s -> !s.visibleAt(now()).isEmpty());
        found.ifPresent(s -> list.add(render(s)));
        sendJson(ex, 200, root);
    }

    private ObjectNode render(ShipmentFixture s) {
        List<EventFixture> events = s.visibleAt(now());
        EventFixture latest = events.get(events.size() - 1);
        ObjectNode t = obj();
        t.put("id", Integer.toHexString(s.trackingNumber().hashCode()));
        t.put("tracking_number", s.trackingNumber());
        t.put("slug", s.slug());
        t.put("tag", latest.code());
        t.put("subtag", latest.subtag() == null ? latest.code() + "_001" : latest.subtag());
        t.put("subtag_message", latest.text());
        if (s.estimatedDelivery() != null) {
            t.put("expected_delivery", s.estimatedDelivery().toString());
        }
        ArrayNode checkpoints = t.putArray("checkpoints");
        for (EventFixture e : events) { // AfterShip lists checkpoints oldest first
            ObjectNode c = checkpoints.addObject();
            c.put("checkpoint_time", e.at().toString());
            c.put("tag", e.code());
            c.put("subtag", e.subtag() == null ? e.code() + "_001" : e.subtag());
            c.put("message", e.text());
            c.put("city", e.city());
            c.put("country_region", e.country());
            c.put("location", e.city() == null ? e.country() : e.city() + (e.country() == null ? "" : ", " + e.country()));
            c.put("raw_tag", e.subtag());
        }
        return t;
    }

    private static ObjectNode meta(int code, String message, String type) {
        ObjectNode root = obj();
        ObjectNode meta = root.putObject("meta");
        meta.put("code", code);
        if (message != null) {
            meta.put("message", message);
            meta.put("type", type);
        }
        return root;
    }

    private static void error(HttpExchange ex, int status, int code, String message, String type) throws IOException {
        ObjectNode root = meta(code, message, type);
        root.putObject("data");
        sendJson(ex, status, root);
    }

    @Override
    boolean authorized(HttpExchange ex, String body) {
        return state.apiKeyMatches(ex.getRequestHeaders().getFirst("as-api-key"));
    }

    @Override
    void unauthorized(HttpExchange ex) throws IOException {
        error(ex, 401, 401, "Invalid API key.", "Unauthorized");
    }

    @Override
    void tooManyRequests(HttpExchange ex, CarrierState.QuotaCheck quota) throws IOException {
        retryAfter(ex, quota);
        ex.getResponseHeaders().add("as-rate-limit-limit", Integer.toString(quota.limit()));
        ex.getResponseHeaders().add("as-rate-limit-remaining", "0");
        ex.getResponseHeaders().add("as-rate-limit-reset", Long.toString(now().getEpochSecond() + quota.resetSeconds()));
        error(ex, 429, 429, "You have exceeded the API call rate limit.", "TooManyRequests");
    }

    @Override
    void fault(HttpExchange ex, int status) throws IOException {
        error(ex, status, status, "Something went wrong on our side.", "InternalError");
    }
}
