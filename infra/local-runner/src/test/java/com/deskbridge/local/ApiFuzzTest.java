package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * 10,000 malformed or hostile requests through the local HTTP API (JWT authorizer emulation included): bad JSON,
 * wrong types, huge and deeply nested bodies, unknown members, path traversal, other sellers' ids, missing, expired
 * and forged tokens, non-compliant replies, settings changes by agents. Expected: no 5xx; every answer from our
 * handler is problem+json with a stable type and its own status; rejections API Gateway makes before the handler
 * (no or bad token, no such route) carry API Gateway's own {"message": ...} body, as in AWS; and no item of the
 * table changes.
 */
class ApiFuzzTest {
    private static final int REQUESTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRunner system;
    private static SellerId sellerA;
    private static SellerId sellerB;
    private static TicketId ticketA;
    private static TicketId ticketB;
    private static String tokenA;
    private static String leadA;

    @BeforeAll
    static void seed() {
        system = RunningSystem.get();
        long run = System.nanoTime();
        sellerA = new SellerId("fuzz-a-" + run);
        sellerB = new SellerId("fuzz-b-" + run);
        DynamoDbTicketStore store = new DynamoDbTicketStore(system.stack().dynamoDbClient(), system.stack().tableName("TicketsTable"));
        ticketA = append(store, sellerA);
        ticketB = append(store, sellerB);
        tokenA = system.token("fuzz-agent", sellerA.value(), Duration.ofMinutes(30));
        leadA = system.api().issuer().mint("fuzz-lead", Map.of("seller_id", sellerA.value(), "roles", List.of("agent", "lead")),
                Duration.ofMinutes(30));
    }

    private static TicketId append(DynamoDbTicketStore store, SellerId seller) {
        InboundMessage m = new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", "fuzz-1", null, "028-1111111-1111111",
                new Sender("fuzz@marketplace.amazon.de", "Fuzz"), "Subject", "Body", false, List.of(), Instant.now());
        store.append(m, Instant.now().plus(Duration.ofDays(30)), Triage.NONE);
        return m.ticketId();
    }

    /** Every item of both sellers, as text, sorted: "nothing written" means this does not change. */
    private static TreeMap<String, String> snapshot() {
        TreeMap<String, String> items = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = system.stack().dynamoDbClient().scan(ScanRequest.builder()
                    .tableName(system.stack().tableName("TicketsTable")).exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : page.items()) {
                String all = item.toString();
                String pk = item.get("PK").s();
                if (pk.startsWith("QUOTA#") || pk.contains("#AGENTDAY#")) {
                    continue; // what refused requests are meant to leave: request-limit windows, the agent's blocked count
                }
                if (all.contains(sellerA.value()) || all.contains(sellerB.value()) || all.contains("intruder")) {
                    items.put(item.get("PK").s() + "|" + item.get("SK").s(), new TreeMap<>(item).toString());
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    @Test
    void hostileRequestsGetClearErrorsAndWriteNothing() throws Exception {
        Random random = new Random(20261122);
        List<Supplier<HttpRequest>> generators = generators(random);
        TreeMap<String, String> before = snapshot();
        Map<Integer, Integer> statuses = new TreeMap<>();
        TreeSet<String> types = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request = generators.get(random.nextInt(generators.size())).get();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = check(request, response);
            if (problem != null && failures.size() < 20) {
                failures.add(problem);
            } else if (problem == null && response.headers().firstValue("content-type").orElse("").startsWith("application/problem+json")) {
                types.add(JSON.readTree(response.body()).get("type").asText());
            }
        }
        System.out.printf("[fuzz] %d requests, statuses %s, problem types %s%n", REQUESTS, statuses, types);
        assertThat(failures).isEmpty();
        assertThat(statuses.keySet()).allMatch(s -> s < 500);
        assertThat(snapshot()).as("nothing written").isEqualTo(before);
        assertThat(types).contains("urn:deskbridge:problem:malformed-body", "urn:deskbridge:problem:invalid-parameter",
                "urn:deskbridge:problem:ticket-not-found", "urn:deskbridge:problem:reply-not-compliant",
                "urn:deskbridge:problem:forbidden", "urn:deskbridge:problem:body-too-large");
    }

    /** Null when the response is acceptable, else why not. */
    private static String check(HttpRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        String what = request.method() + " " + request.uri().getRawPath() + " -> " + status + " " + abbreviate(response.body());
        if (status >= 500) {
            return "5xx: " + what;
        }
        String type = response.headers().firstValue("content-type").orElse("");
        if (status < 300) {
            boolean read = request.method().equals("GET") || request.uri().getPath().equals("/compliance/check");
            return read ? null : "a hostile write succeeded: " + what;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (type.startsWith("application/problem+json")) {
                boolean ok = body.path("type").asText().startsWith("urn:deskbridge:problem:") && body.path("status").asInt() == status
                        && !body.path("detail").asText().isBlank();
                return ok ? null : "bad problem: " + what;
            }
            // API Gateway's own rejections, before the handler: 401 (token), 404 (no route), 413 (payload), as in AWS.
            boolean gateway = (status == 401 || status == 404 || status == 413 || status == 403) && body.has("message");
            return gateway ? null : "neither problem+json nor a gateway rejection: " + what;
        } catch (Exception e) {
            return "unparseable error body: " + what;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static List<Supplier<HttpRequest>> generators(Random random) throws Exception {
        String base = system.api().baseUrl();
        String[] hostileIds = {"../../etc/passwd", "..%2F..%2Fetc", "%2e%2e%2f", "t" + "a".repeat(300), "TICKET", "t%27%3B%20DROP%20TABLE",
                "%00", "t%C3%A9%C3%A9%C3%A9", ticketB.value(), "tzzzzzzzzzzzzzzzzzzzzzzzz", "%F0%9F%92%A9", "$%7Bjndi:ldap://x%7D"};
        String[] badBodies = {"", "{", "}", "[]", "null", "42", "\"text\"", "{\"text\":}", "{\"text\":12}", "{\"text\":null}",
                "{\"text\":[\"a\"]}", "{\"text\":\"ok\",\"sellerId\":\"" + sellerB.value() + "\"}", "{\"text\":\"a\",\"text\":\"b\"}",
                "{\"assignee\":{\"$gt\":\"\"}}", "{\"add\":\"vip\"}", "{\"add\":[1,2]}", "{\"add\":[\"NOT VALID\"]}",
                "{\"add\":[],\"remove\":[]}", "{\"assignee\":\"" + "x".repeat(500) + "\"}", "\u0000\u0001", "{\"text\":\"\\ud800\"}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(100) + "1" + "}".repeat(100)};
        // texts the checker blocks (not merely warns about): the reply route must refuse every one
        String[] badTexts = {"Please leave us a 5-star review!", "Visit https://my-shop.example for 20% off",
                "Mail me at anna@shop.example", "Schreiben Sie an info@laden.example", "Call +49 30 1234567 today"};
        String[] routes = {"replies", "assign", "tags", "close", "no-response-needed"};
        String[] queries = {"status=archived", "limit=0", "limit=-1", "limit=1000", "limit=abc", "cursor=not-a-cursor",
                "cursor=" + Base64.getUrlEncoder().encodeToString("q1|2026-01-01T00:00:00.000Z|tzzzzzzzzzzzzzzzzzzzzzzzz".getBytes()),
                "priority=meh", "channel=fax", "dueBefore=yesterday", "status=open&status=closed", "intent=%00"};
        String forged = forgedToken(sellerA.value());
        String expired = system.api().issuer().mint("fuzz-agent", Map.of("seller_id", sellerA.value()), Duration.ofSeconds(-120));
        String noSeller = system.api().issuer().mint("fuzz-agent", Map.of("roles", List.of("agent")), Duration.ofMinutes(30));
        String intruder = system.token("intruder", "intruder-" + sellerA.value(), Duration.ofMinutes(30));
        String[] badTokens = {null, "", "garbage", forged, expired, "Bearer", tokenA.substring(0, tokenA.length() - 5) + "AAAAA",
                unsigned(sellerA.value())};
        String huge = "{\"text\":\"" + "a".repeat(300_000) + "\"}";

        List<Supplier<HttpRequest>> g = new ArrayList<>();
        // 1. tokens that are missing, forged, expired, truncated or unsigned
        g.add(() -> withToken(HttpRequest.newBuilder(URI.create(base + "/tickets/" + ticketA)).GET(),
                badTokens[random.nextInt(badTokens.length)]));
        g.add(() -> withToken(post(base + "/tickets/" + ticketA + "/replies", "{\"text\":\"hi\"}")
                .header("Idempotency-Key", "fuzz-" + random.nextInt()), badTokens[random.nextInt(badTokens.length)]));
        // 2. a token naming no seller, or another seller's token on A's ticket (404: never another seller's data)
        g.add(() -> withToken(HttpRequest.newBuilder(URI.create(base + "/tickets/" + ticketA)).GET(), noSeller));
        g.add(() -> withToken(post(base + "/tickets/" + ticketA + "/" + routes[random.nextInt(routes.length)],
                "{\"text\":\"Thanks\",\"assignee\":\"me\"}").header("Idempotency-Key", "fuzz-key-" + random.nextInt(1000)), intruder));
        // 3. hostile ids in the path
        g.add(() -> withToken(HttpRequest.newBuilder(URI.create(base + "/tickets/" + hostileIds[random.nextInt(hostileIds.length)]))
                .GET(), tokenA));
        g.add(() -> withToken(post(base + "/tickets/" + hostileIds[random.nextInt(hostileIds.length)] + "/"
                + routes[random.nextInt(routes.length)], "{\"assignee\":\"a\",\"text\":\"b\"}")
                .header("Idempotency-Key", "fuzz-key-12345"), tokenA));
        // 4. malformed bodies on every write route of A's own ticket
        g.add(() -> withToken(post(base + "/tickets/" + ticketA + "/" + routes[random.nextInt(3)],
                badBodies[random.nextInt(badBodies.length)]).header("Idempotency-Key", "fuzz-key-" + random.nextInt(1000)), tokenA));
        g.add(() -> withToken(post(base + "/compliance/check", badBodies[random.nextInt(badBodies.length)]), tokenA));
        // 5. replies Amazon would block, and replies without an idempotency key
        g.add(() -> withToken(post(base + "/tickets/" + ticketA + "/replies",
                "{\"text\":" + quote(badTexts[random.nextInt(badTexts.length)]) + "}").header("Idempotency-Key", "fuzz-" + random.nextLong()), tokenA));
        g.add(() -> withToken(post(base + "/tickets/" + ticketA + "/replies", "{\"text\":\"Your parcel is on its way.\"}"), tokenA));
        // 6. huge bodies
        g.add(() -> withToken(post(base + "/tickets/" + ticketA + "/replies", huge).header("Idempotency-Key", "fuzz-huge-1"), tokenA));
        // 7. bad query parameters
        g.add(() -> withToken(HttpRequest.newBuilder(URI.create(base + "/tickets?" + queries[random.nextInt(queries.length)])).GET(), tokenA));
        g.add(() -> withToken(HttpRequest.newBuilder(URI.create(base + "/metrics/sla?from=" + (random.nextBoolean() ? "x" : "2026-01-01T00:00:00Z")
                + "&to=2026-12-31T00:00:00Z")).GET(), leadA));
        // 8. settings: agents may not change them; leads with invalid documents change nothing
        g.add(() -> withToken(put(base + (random.nextBoolean() ? "/sla-policy" : "/tag-rules"), "{\"rules\":[]}"), tokenA));
        g.add(() -> withToken(put(base + "/sla-policy", random.nextBoolean() ? "{\"timeZone\":\"Mars/Base\"}"
                : badBodies[random.nextInt(badBodies.length)]), leadA));
        g.add(() -> withToken(put(base + "/tag-rules", "{\"rules\":[{\"name\":\"x\",\"kind\":\"REGEX\",\"pattern\":\"(a+)+$\",\"tag\":\"x\"}]}"), leadA));
        g.add(() -> withToken(HttpRequest.newBuilder(URI.create(base + "/metrics/sla")).GET(), tokenA));
        // 9. routes and methods that do not exist
        g.add(() -> withToken(HttpRequest.newBuilder(URI.create(base + "/tickets/" + ticketA + "/refunds/../../admin"))
                .method(random.nextBoolean() ? "DELETE" : "PATCH", HttpRequest.BodyPublishers.ofString("{}")), tokenA));
        return g;
    }

    private static HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder put(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest withToken(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", token.startsWith("Bearer") ? token : "Bearer " + token);
        }
        return builder.timeout(Duration.ofSeconds(30)).build();
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed token with the right issuer and claims, signed by a key that is not the issuer's. */
    private static String forgedToken(String seller) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateKey key = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(system.api().issuer().keyId()).build(),
                new JWTClaimsSet.Builder().issuer(system.api().issuer().issuerUrl()).subject("forger")
                        .audience(system.api().issuer().audiences()).claim("seller_id", seller)
                        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** alg "none": claims without any signature. */
    private static String unsigned(String seller) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + b64.encodeToString(("{\"sub\":\"x\",\"seller_id\":\"" + seller + "\",\"exp\":9999999999}").getBytes()) + ".";
    }
}
