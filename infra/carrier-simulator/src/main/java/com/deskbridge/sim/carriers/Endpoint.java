package com.deskbridge.sim.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The part every simulated carrier shares: latency, the order of checks on a tracking call (injected fault,
 * credentials, quota), request parsing and response writing. Subclasses speak the carrier's wire format.
 */
abstract class Endpoint implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Endpoint.class.getName());
    static final ObjectMapper JSON = new ObjectMapper();

    final CarrierState state;
    final Map<String, ShipmentFixture> shipments;
    final Clock clock;
    private final String prefix;

    Endpoint(CarrierState state, Map<String, ShipmentFixture> shipments, Clock clock) {
        this.state = state;
        this.shipments = shipments;
        this.clock = clock;
        this.prefix = "/" + state.name;
    }

    @Override
    public final void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (state.latencyMs > 0) {
                try {
                    Thread.sleep(state.latencyMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String path = ex.getRequestURI().getRawPath().substring(prefix.length());
            route(ex, path);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "carrier simulator " + state.name + " failed", e);
            send(ex, 500, "text/plain", "simulator error: " + e.getClass().getSimpleName());
        }
    }

    /** Dispatches one request; {@code path} is what follows "/{carrier}". */
    abstract void route(HttpExchange ex, String path) throws IOException;

    /**
     * Whether the tracking request carries valid credentials: by default an OAuth bearer token this simulator issued
     * (UPS, FedEx, USPS); carriers with API keys or sessions override it.
     */
    boolean authorized(HttpExchange ex, String body) {
        return state.tokenValid(bearer(ex));
    }

    /**
     * A carrier with one tracking resource read by GET: answers a wrong path (404), a wrong method (405) or a
     * refused call (auth, quota, fault) itself; true when the call may be served.
     */
    final boolean trackingGet(HttpExchange ex, String path, String resource) throws IOException {
        if (!path.equals(resource)) {
            notFoundPath(ex);
            return false;
        }
        if (!ex.getRequestMethod().equals("GET")) {
            methodNotAllowed(ex, java.util.List.of("GET"));
            return false;
        }
        return admit(ex, null);
    }

    abstract void unauthorized(HttpExchange ex) throws IOException;

    abstract void tooManyRequests(HttpExchange ex, CarrierState.QuotaCheck quota) throws IOException;

    abstract void fault(HttpExchange ex, int status) throws IOException;

    /** Runs the checks a real gateway runs before a tracking call; true when the call may be served. */
    final boolean admit(HttpExchange ex, String body) throws IOException {
        state.calls.incrementAndGet();
        int fault = state.nextFault();
        if (fault != 0) {
            fault(ex, fault);
            return false;
        }
        if (!authorized(ex, body)) {
            unauthorized(ex);
            return false;
        }
        CarrierState.QuotaCheck quota = state.take();
        if (!quota.allowed()) {
            state.rejected.incrementAndGet();
            tooManyRequests(ex, quota);
            return false;
        }
        if (quota.limit() >= 0) {
            ex.getResponseHeaders().add("RateLimit-Limit", Integer.toString(quota.limit()));
            ex.getResponseHeaders().add("RateLimit-Remaining", Integer.toString(quota.remaining()));
            ex.getResponseHeaders().add("RateLimit-Reset", Long.toString(quota.resetSeconds()));
        }
        return true;
    }

    Instant now() {
        return clock.instant();
    }

    Optional<ShipmentFixture> shipment(String number) {
        return Optional.ofNullable(number == null ? null : shipments.get(number.trim()));
    }

    static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, String> query(HttpExchange ex) {
        return form(ex.getRequestURI().getRawQuery());
    }

    static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    static String bearer(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
    }

    /** The (id, secret) of an HTTP Basic header, or null. */
    static String[] basic(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, "application/json", JSON.writeValueAsString(body));
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    static void retryAfter(HttpExchange ex, CarrierState.QuotaCheck quota) {
        ex.getResponseHeaders().add("Retry-After", Long.toString(quota.resetSeconds()));
        ex.getResponseHeaders().add("RateLimit-Limit", Integer.toString(quota.limit()));
        ex.getResponseHeaders().add("RateLimit-Remaining", "0");
        ex.getResponseHeaders().add("RateLimit-Reset", Long.toString(quota.resetSeconds()));
    }

    static void methodNotAllowed(HttpExchange ex, List<String> allowed) throws IOException {
        ex.getResponseHeaders().add("Allow", String.join(", ", allowed));
        send(ex, 405, "text/plain", "");
    }

    static void notFoundPath(HttpExchange ex) throws IOException {
        send(ex, 404, "text/plain", "no such endpoint in the carrier simulator: " + ex.getRequestURI().getPath());
    }
}
