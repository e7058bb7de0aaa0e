package com.deskbridge.sim.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's view of the shared world fixture (FIXTURE.md): the {@code spapi} settings, the
 * {@code orders} in compact form (FBA ones with their {@code fbaShipments}) and the MCF {@code fulfillmentOrders}. Other top-level keys (the
 * carrier simulator's {@code shipments}, {@code carriers}) are ignored. Relative times are resolved
 * once, against the clock at load.
 */
final class SimWorld {

    /** One seller authorisation of one application: what LWA accepts. */
    record Credential(String sellerId, String clientId, String clientSecret, String refreshToken) {
        @Override
        public String toString() {
            return "Credential[sellerId=" + sellerId + ", clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
        }
    }

    /** An injected failure: the next {@code count} calls of {@code operation} answer {@code status}. */
    record Fault(String operation, int status, int count) {}

    /**
     * A processing-report error the simulator reports for messages of matching order id or message id, in feeds of
     * {@code feedType} only when it is given (e.g. refunds of an order rejected while its cancellation goes through).
     */
    record MessageError(String amazonOrderId, Integer messageId, String feedType, String resultCode, int resultMessageCode,
                        String description) {
        boolean matches(String feed, String orderId, String message) {
            boolean target = (amazonOrderId != null && amazonOrderId.equals(orderId))
                    || (messageId != null && String.valueOf(messageId).equals(message));
            return target && (feedType == null || feedType.equals(feed));
        }
    }

    /** Seller authorisations: the fixture's, then those the authorization-code exchange issues. */
    final List<Credential> credentials = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * The Deskbridge application sellers authorise through the website authorization workflow: its LWA client
     * ({@code spapi.application.clientId}/{@code clientSecret}, the secret made up when absent).
     */
    final String applicationClientId;
    final String applicationClientSecret;
    /** Who is signed in to the simulated Seller Central when the consent URL names no {@code selling_partner_id}. */
    final String consentSellerId;
    final Duration latency;
    final Duration tokenLifetime;
    final Duration feedProcessingDelay;
    final boolean compressResultDocuments;
    final Duration reportProcessingDelay;
    final boolean compressReportDocuments;
    final List<String> fatalReportTypes = new ArrayList<>();
    final String applicationId;
    final List<Fault> faults = new ArrayList<>();
    final List<String> fatalFeedTypes = new ArrayList<>();
    final List<MessageError> messageErrors = new ArrayList<>();
    final Map<String, ObjectNode> orders = new LinkedHashMap<>();
    final Map<String, ObjectNode> fulfillmentOrders = new LinkedHashMap<>();

    SimWorld(JsonNode world, Instant now) {
        JsonNode sp = world.path("spapi");
        for (JsonNode c : sp.path("credentials")) {
            // A fixture may leave the secret parts out: they are then made up at start (nothing secret-looking is
            // committed), and the host reads them from SpApiSimulator.credentials().
            String secret = c.hasNonNull("clientSecret") ? text(c, "clientSecret") : null;
            String refresh = c.hasNonNull("refreshToken") ? text(c, "refreshToken") : null;
            credentials.add(new Credential(text(c, "sellerId"), text(c, "clientId"),
                    secret == null ? "sim-" + java.util.UUID.randomUUID() : secret,
                    refresh == null ? "Atzr|sim-" + java.util.UUID.randomUUID() : refresh));
        }
        JsonNode app = sp.path("application");
        applicationClientId = app.path("clientId").asText("amzn1.application-oa2-client.deskbridge-simulator-app");
        applicationClientSecret = app.hasNonNull("clientSecret") ? app.get("clientSecret").asText()
                : "sim-app-" + java.util.UUID.randomUUID();
        consentSellerId = app.path("consentSellerId").asText("A1SIMCONSENTSELLER");
        latency = Duration.ofMillis(sp.path("latencyMs").asLong(0));
        tokenLifetime = duration(sp, "accessTokenLifetime", Duration.ofHours(1));
        feedProcessingDelay = duration(sp, "feedProcessingDelay", Duration.ofMinutes(2));
        compressResultDocuments = sp.path("compressResultDocuments").asBoolean(false);
        reportProcessingDelay = duration(sp, "reportProcessingDelay", Duration.ofSeconds(10));
        compressReportDocuments = sp.path("compressReportDocuments").asBoolean(false);
        sp.path("reportResults").path("fatalReportTypes").forEach(t -> fatalReportTypes.add(t.asText()));
        applicationId = sp.path("applicationId").asText("amzn1.sellerapps.app.deskbridge-simulator");
        for (JsonNode f : sp.path("faults")) {
            faults.add(new Fault(text(f, "operation"), f.path("status").asInt(), f.path("count").asInt(1)));
        }
        JsonNode feedResults = sp.path("feedResults");
        feedResults.path("fatalFeedTypes").forEach(t -> fatalFeedTypes.add(t.asText()));
        for (JsonNode e : feedResults.path("messageErrors")) {
            messageErrors.add(new MessageError(
                    e.hasNonNull("amazonOrderId") ? e.get("amazonOrderId").asText() : null,
                    e.hasNonNull("messageId") ? e.get("messageId").asInt() : null,
                    e.hasNonNull("feedType") ? e.get("feedType").asText() : null,
                    e.path("resultCode").asText("Error"),
                    e.path("resultMessageCode").asInt(18000),
                    e.path("resultDescription").asText("The order adjustment was rejected.")));
        }
        for (JsonNode o : world.path("orders")) {
            ObjectNode order = resolveTimes(o, now);
            orders.put(text(order, "orderId"), order);
        }
        for (JsonNode o : world.path("fulfillmentOrders")) {
            ObjectNode order = resolveTimes(o, now);
            fulfillmentOrders.put(text(order, "sellerFulfillmentOrderId"), order);
        }
    }

    Optional<Credential> credentialForClient(String clientId) {
        return credentials.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    /** The client secret LWA expects from {@code clientId}: a seller app's or the application's. */
    Optional<String> clientSecret(String clientId) {
        if (applicationClientId.equals(clientId)) {
            return Optional.of(applicationClientSecret);
        }
        return credentialForClient(clientId).map(Credential::clientSecret);
    }

    private static Duration duration(JsonNode node, String field, Duration fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.isNumber() ? Duration.ofMillis(v.asLong()) : SimTimes.duration(v.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("fixture entry lacks \"" + field + "\": " + abbreviate(node));
        }
        return v.asText();
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** A deep copy in which every field whose name ends in Date/Time/date is turned into an absolute instant. */
    private static ObjectNode resolveTimes(JsonNode node, Instant now) {
        return (ObjectNode) resolve(node.deepCopy(), null, now);
    }

    private static JsonNode resolve(JsonNode node, String name, Instant now) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            obj.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                obj.set(n, resolve(obj.get(n), n, now));
            }
            return obj;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, resolve(node.get(i), name, now));
            }
            return node;
        }
        if (node.isTextual() && name != null && isTimeField(name)) {
            return JsonNodeFactory.instance.textNode(SimTimes.resolve(node.asText(), now).toString());
        }
        return node;
    }

    private static boolean isTimeField(String name) {
        return name.endsWith("Date") || name.endsWith("Time") || name.endsWith("date");
    }
}
