package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * UPS: OAuth client credentials ({@code POST /security/v1/oauth/token}, HTTP Basic, form grant_type) and Tracking
 * ({@code GET /api/track/v1/details/{inquiryNumber}} with {@code transId}/{@code transactionSrc}), shapes per UPS's
 * Tracking.yaml (TrackApiResponse; errors {@code {"response":{"errors":[{"code","message"}]}}}). The error codes
 * (10401, 250002, TW0001, ...) follow UPS's public error list and are not in the local spec (UNCONFIRMED).
 */
final class UpsEndpoint extends Endpoint {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    UpsEndpoint(CarrierState state, Map<String, ShipmentFixture> shipments, Clock clock) {
        super(state, shipments, clock);
    }

    @Override
    void route(HttpExchange ex, String path) throws IOException {
        if (path.equals("/security/v1/oauth/token")) {
            token(ex);
        } else if (path.startsWith("/api/track/v1/details/")) {
            if (!ex.getRequestMethod().equals("GET")) {
                methodNotAllowed(ex, List.of("GET"));
                return;
            }
            track(ex, URLDecoder.decode(path.substring("/api/track/v1/details/".length()), StandardCharsets.UTF_8));
        } else {
            notFoundPath(ex);
        }
    }

    private void token(HttpExchange ex) throws IOException {
        state.tokenCalls.incrementAndGet();
        Map<String, String> form = form(body(ex));
        String[] basic = basic(ex);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            error(ex, 400, "10400", "Invalid/Missing grant_type");
            return;
        }
        if (basic == null || !state.clientMatches(basic[0], basic[1])) {
            error(ex, 401, "10401", "ClientId is Invalid");
            return;
        }
        ObjectNode n = obj();
        n.put("token_type", "Bearer");
        n.put("issued_at", Long.toString(now().toEpochMilli()));
        n.put("client_id", basic[0]);
        n.put("access_token", state.issueToken());
        n.put("expires_in", Long.toString(state.tokenTtlSeconds)); // UPS sends it as a string
        n.put("status", "approved");
        sendJson(ex, 200, n);
    }

    private void track(HttpExchange ex, String number) throws IOException {
        if (!admit(ex, null)) {
            return;
        }
        if (ex.getRequestHeaders().getFirst("transId") == null || ex.getRequestHeaders().getFirst("transactionSrc") == null) {
            error(ex, 400, "TV0001", "Missing transId or transactionSrc header");
            return;
        }
        if (number.length() < 7 || number.length() > 34) {
            error(ex, 400, "TV0002", "Invalid inquiry number");
            return;
        }
        var found = shipment(number);
        if (found.isEmpty() || found.get().visibleAt(now()).isEmpty()) {
            error(ex, 404, "TW0001", "Tracking Information Not Found");
            return;
        }
        sendJson(ex, 200, render(found.get()));
    }

    private ObjectNode render(ShipmentFixture s) {
        List<EventFixture> events = s.visibleAt(now());
        ObjectNode pkg = obj();
        pkg.put("trackingNumber", s.trackingNumber());
        EventFixture latest = events.get(events.size() - 1);
        pkg.set("currentStatus", status(latest));
        ArrayNode dates = pkg.putArray("deliveryDate");
        if ("D".equals(latest.type())) {
            dates.addObject().put("type", "DEL").put("date", DATE.format(latest.at()));
            pkg.putObject("deliveryTime").put("type", "DEL").put("endTime", TIME.format(latest.at()));
        } else if (s.estimatedDelivery() != null) {
            dates.addObject().put("type", "SDD").put("date", DATE.format(s.estimatedDelivery()));
            pkg.putObject("deliveryTime").put("type", "EOD").put("endTime", TIME.format(s.estimatedDelivery()));
        }
        ArrayNode activity = pkg.putArray("activity");
        for (int i = events.size() - 1; i >= 0; i--) { // most recent activity first
            EventFixture e = events.get(i);
            ObjectNode a = activity.addObject();
            ObjectNode address = a.putObject("location").putObject("address");
            putIf(address, "city", e.city());
            putIf(address, "stateProvince", e.state());
            putIf(address, "countryCode", e.country());
            putIf(address, "country", e.country());
            a.set("status", status(e));
            a.put("date", DATE.format(e.at()));
            a.put("time", TIME.format(e.at()));
            a.put("gmtDate", DATE.format(e.at()));
            a.put("gmtOffset", "+00:00");
            a.put("gmtTime", TIME.format(e.at()));
        }
        ObjectNode shipment = obj();
        shipment.put("inquiryNumber", s.trackingNumber());
        shipment.putArray("package").add(pkg);
        ObjectNode root = obj();
        root.putObject("trackResponse").putArray("shipment").add(shipment);
        return root;
    }

    private static ObjectNode status(EventFixture e) {
        ObjectNode st = obj();
        st.put("type", e.type() == null ? "I" : e.type());
        st.put("description", e.text());
        st.put("code", e.code());
        st.put("statusCode", e.subtag() == null ? "" : e.subtag());
        return st;
    }

    private static void putIf(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        ObjectNode root = obj();
        root.putObject("response").putArray("errors").addObject().put("code", code).put("message", message);
        sendJson(ex, status, root);
    }

    @Override
    void unauthorized(HttpExchange ex) throws IOException {
        error(ex, 401, "250002", "Invalid Authentication Information.");
    }

    @Override
    void tooManyRequests(HttpExchange ex, CarrierState.QuotaCheck quota) throws IOException {
        retryAfter(ex, quota);
        error(ex, 429, "10429", "Quota Limit Exceeded");
    }

    @Override
    void fault(HttpExchange ex, int status) throws IOException {
        error(ex, status, "9999", status == 503 ? "Resource is not available" : "Internal server error");
    }

}
