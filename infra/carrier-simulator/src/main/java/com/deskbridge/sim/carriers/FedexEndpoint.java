package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * FedEx: {@code POST /oauth/token} (form grant_type, client_id, client_secret) and Track
 * {@code POST /track/v1/trackingnumbers} (up to 30 numbers). An unknown number is answered 200 with a per-result
 * {@code error} (TRACKING.TRACKINGNUMBER.NOTFOUND), as FedEx does; auth and throttling errors are
 * {@code {"transactionId","errors":[{"code","message"}]}} (https://developer.fedex.com/api/en-us/catalog/track/v1/docs.html).
 */
final class FedexEndpoint extends Endpoint {

    FedexEndpoint(CarrierState state, Map<String, ShipmentFixture> shipments, Clock clock) {
        super(state, shipments, clock);
    }

    @Override
    void route(HttpExchange ex, String path) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            methodNotAllowed(ex, List.of("POST"));
        } else if (path.equals("/oauth/token")) {
            token(ex);
        } else if (path.equals("/track/v1/trackingnumbers")) {
            track(ex);
        } else {
            notFoundPath(ex);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        state.tokenCalls.incrementAndGet();
        Map<String, String> form = form(body(ex));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            errors(ex, 400, "BAD.REQUEST.ERROR", "The given grant_type is not supported.");
            return;
        }
        if (!state.clientMatches(form.get("client_id"), form.get("client_secret"))) {
            errors(ex, 401, "NOT.AUTHORIZED.ERROR",
                    "The given client credentials were not valid. Please modify your request and try again.");
            return;
        }
        ObjectNode n = obj();
        n.put("access_token", state.issueToken());
        n.put("token_type", "bearer");
        n.put("expires_in", state.tokenTtlSeconds);
        n.put("scope", "CXS");
        sendJson(ex, 200, n);
    }

    private void track(HttpExchange ex) throws IOException {
        String body = body(ex);
        if (!admit(ex, body)) {
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            errors(ex, 400, "INVALID.INPUT.EXCEPTION", "Invalid field value in the input");
            return;
        }
        JsonNode info = request.path("trackingInfo");
        if (!info.isArray() || info.isEmpty() || info.size() > 30) {
            errors(ex, 400, "TRACKING.TRACKINGNUMBER.EMPTY", "Please provide tracking number.");
            return;
        }
        ObjectNode root = obj();
        root.put("transactionId", UUID.randomUUID().toString());
        ArrayNode complete = root.putObject("output").putArray("completeTrackResults");
        for (JsonNode i : info) {
            String number = i.path("trackingNumberInfo").path("trackingNumber").asText();
            ObjectNode c = complete.addObject();
            c.put("trackingNumber", number);
            ObjectNode result = c.putArray("trackResults").addObject();
            result.putObject("trackingNumberInfo").put("trackingNumber", number);
            var found = shipment(number);
            if (found.isEmpty() || found.get().visibleAt(now()).isEmpty()) {
                result.putObject("error").put("code", "TRACKING.TRACKINGNUMBER.NOTFOUND")
                        .put("message", "Tracking number cannot be found. Please correct the tracking number and try again.");
                continue;
            }
            render(found.get(), result);
        }
        sendJson(ex, 200, root);
    }

    private void render(ShipmentFixture s, ObjectNode result) {
        List<EventFixture> events = s.visibleAt(now());
        EventFixture latest = events.get(events.size() - 1);
        ObjectNode status = result.putObject("latestStatusDetail");
        status.put("code", latest.code());
        status.put("derivedCode", latest.code());
        status.put("statusByLocale", latest.text());
        status.put("description", latest.text());
        status.set("scanLocation", location(latest));
        ArrayNode dates = result.putArray("dateAndTimes");
        if ("DL".equals(latest.code())) {
            dates.addObject().put("type", "ACTUAL_DELIVERY").put("dateTime", latest.at().toString());
        } else if (s.estimatedDelivery() != null) {
            dates.addObject().put("type", "ESTIMATED_DELIVERY").put("dateTime", s.estimatedDelivery().toString());
        }
        ArrayNode scans = result.putArray("scanEvents");
        for (int i = events.size() - 1; i >= 0; i--) {
            EventFixture e = events.get(i);
            ObjectNode n = scans.addObject();
            n.put("date", e.at().toString());
            n.put("eventType", e.code());
            n.put("eventDescription", e.text());
            n.put("derivedStatusCode", e.code());
            n.put("exceptionCode", e.subtag() == null ? "" : e.subtag());
            n.set("scanLocation", location(e));
        }
    }

    private static ObjectNode location(EventFixture e) {
        ObjectNode n = obj();
        if (e.city() != null) {
            n.put("city", e.city());
        }
        if (e.state() != null) {
            n.put("stateOrProvinceCode", e.state());
        }
        if (e.country() != null) {
            n.put("countryCode", e.country());
        }
        return n;
    }

    private static void errors(HttpExchange ex, int status, String code, String message) throws IOException {
        ObjectNode root = obj();
        root.put("transactionId", UUID.randomUUID().toString());
        root.putArray("errors").addObject().put("code", code).put("message", message);
        sendJson(ex, status, root);
    }

    @Override
    void unauthorized(HttpExchange ex) throws IOException {
        errors(ex, 401, "NOT.AUTHORIZED.ERROR", "Access token expired. Please modify your request and try again.");
    }

    @Override
    void tooManyRequests(HttpExchange ex, CarrierState.QuotaCheck quota) throws IOException {
        retryAfter(ex, quota);
        errors(ex, 429, "TOO.MANY.REQUESTS.ERROR",
                "We have received too many requests in a short duration. Please wait a while to try again.");
    }

    @Override
    void fault(HttpExchange ex, int status) throws IOException {
        errors(ex, status, status == 503 ? "SERVICE.UNAVAILABLE.ERROR" : "INTERNAL.SERVER.ERROR",
                "We encountered an unexpected error and are working to resolve the issue.");
    }
}
