package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * USPS APIs v3: {@code POST /oauth2/v3/token} (client credentials, form or JSON body) and
 * {@code GET /tracking/v3/tracking/{trackingNumber}?expand=DETAIL} (https://github.com/USPS/api-examples/issues/28). Field names follow
 * USPS's v3 tracking response as publicly documented (statusCategory, trackingEvents[].eventCode ...); the exact
 * enum is UNCONFIRMED. Errors: OAuth-style for the token endpoint, {@code {"apiVersion","error":{"code","message",
 * "errors":[...]}}} for tracking.
 */
final class UspsEndpoint extends Endpoint {

    UspsEndpoint(CarrierState state, Map<String, ShipmentFixture> shipments, Clock clock) {
        super(state, shipments, clock);
    }

    @Override
    void route(HttpExchange ex, String path) throws IOException {
        if (path.equals("/oauth2/v3/token")) {
            if (!ex.getRequestMethod().equals("POST")) {
                methodNotAllowed(ex, List.of("POST"));
                return;
            }
            token(ex);
        } else if (path.startsWith("/tracking/v3/tracking/")) {
            if (!ex.getRequestMethod().equals("GET")) {
                methodNotAllowed(ex, List.of("GET"));
                return;
            }
            track(ex, URLDecoder.decode(path.substring("/tracking/v3/tracking/".length()), StandardCharsets.UTF_8));
        } else {
            notFoundPath(ex);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        state.tokenCalls.incrementAndGet();
        String body = body(ex);
        Map<String, String> params;
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.contains("json")) {
            JsonNode n = JSON.readTree(body);
            params = Map.of("grant_type", n.path("grant_type").asText(), "client_id", n.path("client_id").asText(),
                    "client_secret", n.path("client_secret").asText());
        } else {
            params = form(body);
        }
        if (!"client_credentials".equals(params.get("grant_type"))) {
            oauthError(ex, 400, "unsupported_grant_type", "grant_type must be client_credentials");
            return;
        }
        if (!state.clientMatches(params.get("client_id"), params.get("client_secret"))) {
            oauthError(ex, 401, "invalid_client", "Client authentication failed");
            return;
        }
        ObjectNode n = obj();
        n.put("access_token", state.issueToken());
        n.put("token_type", "Bearer");
        n.put("issued_at", now().toEpochMilli());
        n.put("expires_in", state.tokenTtlSeconds);
        n.put("status", "approved");
        n.put("scope", "tracking");
        n.put("issuer", "api.usps.com");
        sendJson(ex, 200, n);
    }

    private static void oauthError(HttpExchange ex, int status, String error, String description) throws IOException {
        sendJson(ex, status, obj().put("error", error).put("error_description", description));
    }

    private void track(HttpExchange ex, String number) throws IOException {
        if (!admit(ex, null)) {
            return;
        }
        var found = shipment(number);
        if (found.isEmpty() || found.get().visibleAt(now()).isEmpty()) {
            error(ex, 404, "Not Found", "The tracking number " + number + " was not found.");
            return;
        }
        ShipmentFixture s = found.get();
        List<EventFixture> events = s.visibleAt(now());
        EventFixture latest = events.get(events.size() - 1);
        ObjectNode root = obj();
        root.put("trackingNumber", s.trackingNumber());
        root.put("statusCategory", latest.category() == null ? "In Transit" : latest.category());
        root.put("status", latest.text());
        root.put("statusSummary", latest.text());
        if (s.estimatedDelivery() != null) {
            root.put("expectedDeliveryTimeStamp", s.estimatedDelivery().toString());
        }
        if (s.destinationCity() != null) {
            root.put("destinationCity", s.destinationCity());
        }
        if (s.destinationState() != null) {
            root.put("destinationState", s.destinationState());
        }
        ArrayNode list = root.putArray("trackingEvents");
        for (int i = events.size() - 1; i >= 0; i--) {
            EventFixture e = events.get(i);
            ObjectNode n = list.addObject();
            n.put("eventType", e.text());
            n.put("eventTimestamp", e.at().toString());
            n.put("GMTTimestamp", e.at().toString());
            n.put("GMTOffset", "+00:00");
            n.put("eventCountry", e.country());
            n.put("eventCity", e.city());
            n.put("eventState", e.state());
            n.put("eventCode", e.code());
        }
        sendJson(ex, 200, root);
    }

    private static void error(HttpExchange ex, int status, String message, String detail) throws IOException {
        ObjectNode root = obj();
        root.put("apiVersion", "/tracking/v3");
        ObjectNode error = root.putObject("error");
        error.put("code", Integer.toString(status));
        error.put("message", message);
        error.putArray("errors").addObject().put("status", Integer.toString(status)).put("code", Integer.toString(status))
                .put("title", message).put("detail", detail);
        sendJson(ex, status, root);
    }

    @Override
    void unauthorized(HttpExchange ex) throws IOException {
        error(ex, 401, "Unauthorized", "Invalid or expired access token.");
    }

    @Override
    void tooManyRequests(HttpExchange ex, CarrierState.QuotaCheck quota) throws IOException {
        retryAfter(ex, quota);
        error(ex, 429, "Too Many Requests", "Quota exceeded for this application.");
    }

    @Override
    void fault(HttpExchange ex, int status) throws IOException {
        error(ex, status, status == 503 ? "Service Unavailable" : "Internal Server Error", "Injected fault");
    }
}
