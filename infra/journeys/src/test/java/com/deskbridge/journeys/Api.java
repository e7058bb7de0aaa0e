package com.deskbridge.journeys;

import com.deskbridge.testsupport.openapi.OpenApiDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The suite's HTTP client for the helpdesk API. Every response it sees is held to the suite's rules before a journey
 * gets it: never a 5xx, and the status, content type and body are what functions/api/openapi.yaml documents for the
 * operation (401 and 403 included). Accepted replies, refunds and cancellations are written into the {@link Ledger},
 * which later checks that each reached a final state the agent can see.
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static OpenApiDocument contract;

    /** One answer of the API, already checked against the rules. */
    record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private final JourneySystem.Endpoints system;

    Api(JourneySystem.Endpoints system) {
        this.system = system;
        synchronized (Api.class) {
            if (contract == null) {
                contract = OpenApiDocument.load(system.openApi());
            }
        }
    }

    /** How many API responses the rules were applied to in this run. */
    static int checkedResponses() {
        return CHECKED.get();
    }

    /** A token from the local issuer (POST /local-issuer/token), as the console gets one. */
    String token(String agent, String seller, boolean lead) {
        ObjectNode request = JSON.createObjectNode().put("sub", agent);
        ObjectNode claims = request.putObject("claims").put("seller_id", seller);
        var roles = claims.putArray("roles").add("agent");
        if (lead) {
            roles.add("lead");
        }
        return tokenWith(request);
    }

    /** A token with exactly these claims (e.g. none naming a seller). */
    String tokenWith(ObjectNode request) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(system.api().resolve("/local-issuer/token"))
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("the local issuer refused " + request + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new AssertionError("the local issuer did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    Response post(String path, String token, Object body, String idempotencyKey) {
        return send("POST", path, token, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /** Sends a request and applies the rules to its answer; a broken rule fails the journey at once. */
    Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        String text = body == null ? null : body instanceof String s ? s : JSON.valueToTree(body).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(system.api().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (text != null) {
            request.header("content-type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<String> raw;
        try {
            raw = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        String contentType = raw.headers().firstValue("content-type").map(c -> c.split(";")[0].trim()).orElse(null);
        Response response = new Response(raw.statusCode(), contentType, raw.body(), raw);
        CHECKED.incrementAndGet();
        String rawPath = URI.create(system.api().resolve(path).toString()).getRawPath();
        if (response.status() >= 500) {
            throw new AssertionError("rule: never a 5xx. " + method + " " + path + " " + (text == null ? "" : text) + " -> " + response);
        }
        List<String> problems = contract.check(method, rawPath, response.status(), contentType, response.body());
        if (!problems.isEmpty()) {
            throw new AssertionError("rule: every body as openapi.yaml documents it. " + String.join("; ", problems));
        }
        Ledger.recordIfAccepted(this, method, rawPath, token, response);
        return response;
    }
}
