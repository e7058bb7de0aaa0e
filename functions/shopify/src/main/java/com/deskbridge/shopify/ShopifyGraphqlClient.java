package com.deskbridge.shopify;

import com.deskbridge.http.QuotaExhaustedException;
import com.deskbridge.http.Quota;
import com.deskbridge.http.Sleeper;
import com.deskbridge.http.UpstreamHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Sends one Admin GraphQL operation to one store: the access token ({@code X-Shopify-Access-Token}), one retry with a
 * fresh token after 401, retries of HTTP 429/5xx (by {@link UpstreamHttp}), and Shopify's calculated-cost throttle: the
 * client waits until its copy of the store's bucket ({@link CostThrottle}) holds the operation's expected cost (the
 * requested cost Shopify reported for it last time, else the caller's estimate), and after a {@code THROTTLED} answer
 * waits what the reported throttle status says before trying again. Waits longer than the allowed maximum give
 * {@link QuotaExhaustedException}. Answers with GraphQL errors and no data are {@link ShopifyApiException}s; an answer
 * that is not JSON is one too.
 */
final class ShopifyGraphqlClient {

    private static final Logger LOG = Logger.getLogger(ShopifyGraphqlClient.class.getName());
    private static final Quota UNLIMITED = () -> Quota.GRANTED;
    private static final int MAX_THROTTLED_RETRIES = 5;

    /** A successful answer: its data and the cost Shopify charged. */
    record Answer(JsonNode data, int requestedCost, int actualCost) {}

    private final UpstreamHttp http;
    private final ShopifyTokens tokens;
    private final ShopifyEndpoints endpoints;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Map<String, CostThrottle> throttles = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastRequested = new ConcurrentHashMap<>();

    ShopifyGraphqlClient(UpstreamHttp http, ShopifyTokens tokens, ShopifyEndpoints endpoints, Clock clock, Sleeper sleeper, Duration maxWait) {
        this.http = http;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    Answer execute(ShopifyShop shop, String operation, String query, JsonNode variables, int estimatedCost) {
        CostThrottle throttle = throttles.computeIfAbsent(shop.shopDomain(), k -> new CostThrottle(clock));
        ObjectNode body = ShopifyJson.MAPPER.createObjectNode();
        body.put("query", query);
        body.set("variables", variables == null ? ShopifyJson.MAPPER.createObjectNode() : variables);
        String payload = body.toString();
        Duration waited = Duration.ZERO;
        for (int throttledTries = 0; ; ) {
            int expected = lastRequested.getOrDefault(operation, estimatedCost);
            Duration wait = throttle.waitFor(expected);
            if (!wait.isZero()) {
                if (waited.plus(wait).compareTo(maxWait) > 0) {
                    throw new QuotaExhaustedException("shopify " + shop.shopDomain(), wait);
                }
                pause(wait);
                waited = waited.plus(wait);
            }
            throttle.take(expected);
            JsonNode answer = send(shop, operation, payload);
            JsonNode cost = answer.path("extensions").path("cost");
            throttle.observe(cost);
            if (cost.path("requestedQueryCost").isNumber()) {
                lastRequested.put(operation, cost.get("requestedQueryCost").asInt());
            }
            JsonNode errors = answer.path("errors");
            String code = errors.path(0).path("extensions").path("code").asText(null);
            if ("THROTTLED".equals(code)) {
                if (++throttledTries > MAX_THROTTLED_RETRIES) {
                    throw new ShopifyApiException(operation, 200, null, code, "still throttled after " + MAX_THROTTLED_RETRIES + " waits");
                }
                LOG.info(() -> "Shopify throttled " + operation + " on " + shop.shopDomain() + "; waiting for the cost bucket");
                continue;
            }
            if (errors.isArray() && !errors.isEmpty() && (answer.path("data").isMissingNode() || answer.path("data").isNull())) {
                throw new ShopifyApiException(operation, 200, null, code, errors.path(0).path("message").asText("GraphQL error"));
            }
            if (!answer.path("data").isObject()) {
                throw new ShopifyApiException(operation, 200, null, null, "answer has no data");
            }
            return new Answer(answer.get("data"), cost.path("requestedQueryCost").asInt(0), cost.path("actualQueryCost").asInt(0));
        }
    }

    private JsonNode send(ShopifyShop shop, String operation, String payload) {
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(endpoints.graphql(shop))
                    .timeout(Duration.ofSeconds(20))
                    .header("X-Shopify-Access-Token", tokens.token(shop))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            response = http.send(request, UNLIMITED);
            if (response.statusCode() != 401 || attempt > 0) {
                break;
            }
            LOG.info(() -> "Shopify answered 401 for " + shop.shopDomain() + "; fetching a new access token and retrying once");
            tokens.invalidate(shop);
        }
        String requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        if (response.statusCode() / 100 != 2) {
            throw new ShopifyApiException(operation, response.statusCode(), requestId, null, "HTTP " + response.statusCode());
        }
        try {
            JsonNode n = ShopifyJson.MAPPER.readTree(response.body() == null ? "" : response.body());
            if (n == null || !n.isObject()) {
                throw new IOException("not an object");
            }
            return n;
        } catch (IOException e) {
            throw new ShopifyApiException(operation, 200, requestId, null, "answer is not JSON");
        }
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyApiException("throttle wait", 0, null, null, "interrupted");
        }
    }
}
