package com.deskbridge.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server speaking the helpdesk API's documented contract for the routes being added (issue 5's brief:
 * queue filters with {@code dueAt}, ticket detail with order, shipments, enrichment and actions, macros, compliance
 * check, replies, refunds and cancellations with {@code Idempotency-Key}, action polling, evidence) with API
 * Gateway's CORS behaviour and the local issuer's token endpoint. It lets the console's screens for those routes be
 * driven in the browser before the real ApiFunction serves them; it records what the console sent so the tests can
 * assert on the wire (query parameters, idempotency keys). Its compliance findings are simple patterns, not the
 * compliance module: they only have to have the documented shape.
 */
final class ContractApi implements AutoCloseable {
    static final String TOKEN = "contract-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern REVIEW = Pattern.compile("(?i)5 stars|positive review");
    private static final Pattern TICKET_ROUTE = Pattern.compile("/tickets/([a-z0-9-]+)(/.*)?");

    private final HttpServer server;
    private final String allowedOrigin;
    private final Clock clock;
    private final Map<String, ObjectNode> tickets = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ObjectNode> actionsByKey = new ConcurrentHashMap<>();
    private final Map<String, Integer> pollsByAction = new ConcurrentHashMap<>();
    /** Every request as "METHOD path?query", in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The Idempotency-Key of every refund or cancellation POST, in order. */
    final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    /** The Idempotency-Key of every reply POST, in order. */
    final List<String> replyKeys = new CopyOnWriteArrayList<>();

    private ContractApi(HttpServer server, String allowedOrigin, Clock clock) {
        this.server = server;
        this.allowedOrigin = allowedOrigin;
        this.clock = clock;
    }

    static ContractApi start(String allowedOrigin, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ContractApi api = new ContractApi(server, allowedOrigin, clock);
        api.seed();
        server.createContext("/", api::handle);
        server.start();
        return api;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------------------------------------------------------

    private void seed() {
        Instant now = clock.instant();
        ObjectNode a = ticket("t-contract-a", "Parcel stuck in Leipzig", "HIGH", "DELIVERY_PROBLEM", now.plus(Duration.ofMinutes(50)));
        ObjectNode order = a.putObject("order").put("orderId", "028-1111111-2222222").put("status", "SHIPPED")
                .put("channel", "FBM").put("purchaseDate", now.minus(Duration.ofDays(6)).toString())
                .put("promisedDelivery", now.minus(Duration.ofDays(1)).toString()).put("currency", "EUR");
        order.putArray("items").addObject().put("orderItemId", "OI-1").put("title", "Espresso cups (set of 4)").put("quantity", 1)
                .putObject("itemPrice").put("amount", "24.90").put("currency", "EUR");
        ObjectNode shipment = a.putArray("shipments").addObject().put("carrier", "DHL").put("trackingNumber", "00340434161094042557")
                .put("status", "DELAYED").put("trackingLink", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557")
                .put("estimatedDelivery", now.plus(Duration.ofDays(2)).toString()).put("lastLocation", "Leipzig hub");
        shipment.putArray("flags").add("DELAYED");
        shipment.putArray("events").addObject().put("at", now.minus(Duration.ofDays(3)).toString()).put("status", "IN_TRANSIT")
                .put("location", "Leipzig hub");
        a.putObject("enrichment").put("state", "retrying").put("detail", "carrier unavailable, retrying");
        a.putArray("actions");
        ObjectNode b = ticket("t-contract-b", "Overdue: wrong colour", "URGENT", "RETURN", now.minus(Duration.ofMinutes(15)));
        ObjectNode c = ticket("t-contract-c", "Question about size", "NORMAL", "PRODUCT_QUESTION", now.plus(Duration.ofHours(5)));
        c.remove("dueAt"); // no SLA target: the console counts down to the Amazon 24 h deadline
        b.put("marketplaceName", "Amazon.de").put("lastMessagePreview", "The mug is green, not blue.")
                .putObject("sendFailure").put("messageKey", "t-contract-b-m2").put("at", now.minus(Duration.ofMinutes(20)).toString())
                .put("reason", "the relay refused the reply: attachment type not allowed");
        c.put("awaitingReplySince", now.minus(Duration.ofHours(2)).toString());
        for (ObjectNode t : List.of(a, b, c)) {
            tickets.put(t.get("id").asText(), t);
        }
    }

    private static ObjectNode ticket(String id, String subject, String priority, String intent, Instant due) {
        ObjectNode t = JSON.createObjectNode().put("id", id).put("channel", "amazon").put("marketplaceId", "A1PA6795UKMFR9")
                .put("orderId", "028-1111111-2222222").put("buyer", "Jane Doe").put("subject", subject).put("status", "open")
                .put("intent", intent).put("priority", priority).put("awaitingReplySince", due.minus(Duration.ofHours(6)).toString())
                .put("dueAt", due.toString());
        t.putArray("tags").add("shipping-delay");
        t.putArray("messages").addObject().put("id", id + "-m1").put("direction", "in").put("from", "buyer-alias@marketplace.amazon.de")
                .put("fromName", "Jane Doe").put("body", "Hello, my parcel has not moved for three days. Can you help?")
                .put("receivedAt", due.minus(Duration.ofHours(6)).toString());
        return t;
    }

    // ------------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (allowedOrigin.equalsIgnoreCase(origin)) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
                exchange.getResponseHeaders().set("Vary", "Origin");
            }
            if ("OPTIONS".equals(method)) {
                if (allowedOrigin.equalsIgnoreCase(origin)) {
                    exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET,POST,PUT,OPTIONS");
                    exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "authorization,content-type,idempotency-key");
                    exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
                }
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(method + " " + path + (query == null ? "" : "?" + query));
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            if (path.equals("/local-issuer/token") && method.equals("POST")) {
                send(exchange, 200, "application/json", JSON.createObjectNode().put("access_token", TOKEN)
                        .put("token_type", "Bearer").put("expires_in", 3600));
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "application/json", JSON.createObjectNode().put("message", "Unauthorized"));
                return;
            }
            route(exchange, method, path, query, body);
        }
    }

    private synchronized void route(HttpExchange exchange, String method, String path, String query, JsonNode body) throws IOException {
        if (method.equals("GET") && path.equals("/tickets")) {
            queue(exchange, parse(query));
            return;
        }
        if (method.equals("GET") && path.equals("/macros")) {
            ObjectNode macros = JSON.createObjectNode();
            ArrayNode items = macros.putArray("items");
            items.addObject().put("id", "shipping-update").put("name", "Shipping update (FBM)").putArray("languages").add("en").add("de");
            items.addObject().put("id", "refund-confirmation").put("name", "Refund confirmation").putArray("languages").add("en");
            send(exchange, 200, "application/json", macros);
            return;
        }
        if (method.equals("POST") && path.equals("/compliance/check")) {
            send(exchange, 200, "application/json", JSON.createObjectNode().set("findings", findings(body.path("text").asText())));
            return;
        }
        Matcher m = TICKET_ROUTE.matcher(path);
        ObjectNode ticket = m.matches() ? tickets.get(m.group(1)) : null;
        if (ticket == null) {
            send(exchange, 404, "application/problem+json", problem("ticket-not-found", "Ticket not found", 404,
                    "no ticket " + (m.matches() ? m.group(1) : path) + " for this seller", null));
            return;
        }
        String rest = m.group(2) == null ? "" : m.group(2);
        String agent = "agent-anna";
        switch (method + " " + rest.replaceAll("^/macros/[^/]+/render$", "/macros/*/render").replaceAll("^/actions/[^/]+$", "/actions/*")) {
            case "GET " -> send(exchange, 200, "application/json", ticket);
            case "POST /assign" -> {
                ticket.put("assignee", body.path("assignee").asText());
                send(exchange, 200, "application/json", ticket);
            }
            case "POST /tags" -> {
                List<String> tags = new ArrayList<>();
                ticket.path("tags").forEach(t -> tags.add(t.asText()));
                body.path("add").forEach(t -> { if (!tags.contains(t.asText())) tags.add(t.asText()); });
                body.path("remove").forEach(t -> tags.remove(t.asText()));
                ArrayNode array = ticket.putArray("tags");
                tags.stream().sorted().forEach(array::add);
                send(exchange, 200, "application/json", ticket);
            }
            case "POST /close", "POST /no-response-needed" -> {
                ticket.put("status", "closed");
                send(exchange, 200, "application/json", ticket);
            }
            case "POST /tracking/refresh" -> {
                ticket.putObject("enrichment").put("state", "refreshing").put("detail", "asked the carrier again");
                send(exchange, 202, "application/json", ticket);
            }
            case "POST /macros/*/render" -> {
                if (path.contains("refund-confirmation")) {
                    ObjectNode p = problem("macro-data-missing", "The macro needs data this ticket does not have", 422,
                            "refund-confirmation cannot be filled in", null);
                    p.putArray("missing").add("RefundAmount");
                    send(exchange, 422, "application/problem+json", p);
                } else {
                    send(exchange, 200, "application/json", JSON.createObjectNode().put("language", body.path("language").asText("en"))
                            .put("text", "Hello Jane Doe, your order 028-1111111-2222222 is on its way with DHL."));
                }
            }
            case "POST /replies" -> {
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                replyKeys.add(key);
                if (key == null || key.isBlank()) {
                    send(exchange, 400, "application/problem+json", problem("invalid-parameter", "Invalid request parameter", 400,
                            "header is required: one key per reply, reused on retries", "Idempotency-Key"));
                    return;
                }
                ArrayNode findings = findings(body.path("text").asText());
                if (!findings.isEmpty()) {
                    ObjectNode p = problem("reply-not-compliant", "The reply breaks Amazon's messaging rules", 422,
                            findings.size() + " finding(s)", "text");
                    p.set("findings", findings);
                    send(exchange, 422, "application/problem+json", p);
                    return;
                }
                ObjectNode reply = ((ArrayNode) ticket.get("messages")).addObject().put("id", "r-" + ticket.get("messages").size())
                        .put("direction", "out").put("agentId", agent).put("body", body.path("text").asText())
                        .put("sentAt", clock.instant().toString()).put("sendStatus", "queued");
                send(exchange, 202, "application/json", JSON.createObjectNode().set("reply", reply));
            }
            case "POST /refunds", "POST /cancellation" -> {
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                idempotencyKeys.add(key);
                if (key == null || key.isBlank()) {
                    send(exchange, 400, "application/problem+json", problem("invalid-parameter", "Invalid request parameter", 400,
                            "Idempotency-Key header is required", "Idempotency-Key"));
                    return;
                }
                ObjectNode action = actionsByKey.computeIfAbsent(key, k -> {
                    ObjectNode created = ((ArrayNode) ticket.withArray("actions")).addObject()
                            .put("id", "act-" + (actionsByKey.size() + 1)).put("type", rest.equals("/refunds") ? "REFUND" : "CANCELLATION")
                            .put("state", "REQUESTED").put("requestedAt", clock.instant().toString());
                    created.set("request", body);
                    return created;
                });
                send(exchange, 202, "application/json", JSON.createObjectNode().set("action", action));
            }
            case "GET /actions/*" -> {
                String id = rest.substring("/actions/".length());
                ObjectNode action = null;
                for (JsonNode a : ticket.withArray("actions")) {
                    if (a.path("id").asText().equals(id)) {
                        action = (ObjectNode) a;
                    }
                }
                if (action == null) {
                    send(exchange, 404, "application/problem+json", problem("action-not-found", "Action not found", 404, id, null));
                    return;
                }
                // Two steps per poll (REQUESTED -> QUEUED -> SUBMITTED -> COMPLETED) keep the test short.
                List<String> states = List.of("REQUESTED", "QUEUED", "SUBMITTED", "COMPLETED");
                int polls = pollsByAction.merge(id, 1, Integer::sum);
                action.put("state", states.get(Math.min(polls * 2 - 1, states.size() - 1)));
                if (action.path("state").asText().equals("COMPLETED")) {
                    action.put("done", true).putObject("amount").put("amount", "12.50").put("currency", "EUR");
                }
                send(exchange, 200, "application/json", JSON.createObjectNode().set("action", action));
            }
            case "GET /evidence" -> send(exchange, 200, "application/json", evidence());
            default -> send(exchange, 404, "application/problem+json", problem("no-such-route", "No such route", 404,
                    "this API has no route " + method + " " + path, null));
        }
    }

    private void queue(HttpExchange exchange, Map<String, String> query) throws IOException {
        String status = query.getOrDefault("status", "open");
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode t : tickets.values()) {
            if (t.path("status").asText().equals(status)
                    && (!query.containsKey("priority") || t.path("priority").asText().equals(query.get("priority")))
                    && (!query.containsKey("intent") || t.path("intent").asText().equals(query.get("intent")))) {
                matching.add(t);
            }
        }
        matching.sort((x, y) -> due(x).compareTo(due(y)));
        int from = Integer.parseInt(query.getOrDefault("cursor", "0"));
        int pageSize = 2; // fewer than asked for, as a paged DynamoDB query may return: the console must follow nextCursor
        ObjectNode page = JSON.createObjectNode();
        ArrayNode items = page.putArray("items");
        for (ObjectNode t : matching.subList(Math.min(from, matching.size()), Math.min(from + pageSize, matching.size()))) {
            ObjectNode summary = t.deepCopy();
            summary.remove(List.of("messages", "order", "shipments", "enrichment", "actions"));
            items.add(summary);
        }
        if (from + pageSize < matching.size()) {
            page.put("nextCursor", String.valueOf(from + pageSize));
        }
        send(exchange, 200, "application/json", page);
    }

    private static Instant due(ObjectNode t) {
        return t.has("dueAt") ? Instant.parse(t.get("dueAt").asText())
                : Instant.parse(t.get("awaitingReplySince").asText()).plus(Duration.ofHours(24));
    }

    private ArrayNode findings(String text) {
        ArrayNode findings = JSON.createArrayNode();
        add(findings, EMAIL.matcher(text), "personal-contact-email", "E-mail addresses are not allowed in buyer messages.",
                "Ask the buyer to reply through Amazon's messaging.");
        add(findings, REVIEW.matcher(text), "review-request", "Asking for a positive review is not allowed.",
                "Thank the buyer without mentioning reviews.");
        return findings;
    }

    private static void add(ArrayNode findings, Matcher m, String rule, String message, String suggestion) {
        while (m.find()) {
            findings.addObject().put("ruleId", rule).put("start", m.start()).put("end", m.end()).put("excerpt", m.group())
                    .put("message", message).put("suggestion", suggestion);
        }
    }

    private ObjectNode evidence() {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode entries = doc.putArray("entries");
        String previous = "0".repeat(64);
        for (int i = 1; i <= 2; i++) {
            String hash = String.valueOf(i).repeat(64);
            ObjectNode e = entries.addObject().put("sequence", i).put("recordedAt", clock.instant().minus(Duration.ofHours(3 - i)).toString())
                    .put("kind", i == 1 ? "tracking-observation" : "refund-requested").put("previousHash", previous).put("hash", hash);
            e.putObject("payload").put("status", i == 1 ? "DELAYED" : "requested");
            previous = hash;
        }
        doc.putObject("verification").put("valid", true).putNull("brokenAt").putNull("reason");
        return doc;
    }

    private static ObjectNode problem(String slug, String title, int status, String detail, String field) {
        ObjectNode p = JSON.createObjectNode().put("type", "urn:deskbridge:problem:" + slug).put("title", title)
                .put("status", status).put("detail", detail).put("requestId", "req-contract");
        if (field != null) {
            p.put("field", field);
        }
        return p;
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String type, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
