package com.deskbridge.sim.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.sim.support.SimServer;
import com.deskbridge.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator over raw HTTP: tokens, the GraphQL matcher, Shopify's errors, the cost throttle, webhooks. */
class ShopifySimulatorTest {

    private static final String SHOP = "deskbridge-demo.myshopify.com";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ShopifySimulator.WebhookDelivery> webhooks = new ArrayList<>();
    private ShopifySimulator sim;

    @BeforeEach
    void start() {
        ObjectNode world = (ObjectNode) ShopifySimulator.demoWorld();
        ((ObjectNode) world.get("shopify")).put("latencyMs", 0);
        sim = ShopifySimulator.start(0, world, clock, webhooks::add);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void refreshTokensRotateAndThePreviousOneWorksUntilTheNewAccessTokenIsUsed() throws Exception {
        Map<String, String> c = sim.credentials(SHOP);
        JsonNode first = json(token(c.get("refresh_token")));
        assertThat(first.path("expires_in").asLong()).isEqualTo(3600);
        String rotated = first.path("refresh_token").asText();
        assertThat(rotated).isNotEqualTo(c.get("refresh_token"));
        // the answer was lost: the old refresh token still works once more
        JsonNode again = json(token(c.get("refresh_token")));
        assertThat(again.path("access_token").asText()).isNotBlank();
        // using the newest access token ends the grace period of the old refresh token
        assertThat(graphql(again.path("access_token").asText(), "2026-10", "{ job(id: \"x\") { id } }").statusCode()).isEqualTo(200);
        assertThat(json(token(c.get("refresh_token"))).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(token(again.path("refresh_token").asText())).path("access_token").asText()).isNotBlank();
    }

    @Test
    void requestsNeedAValidTokenOfTheShopAndASupportedVersion() throws Exception {
        assertThat(graphql("shpat_nope", "2026-10", "{ job(id: \"x\") { id } }").statusCode()).isEqualTo(401);
        String token = accessToken();
        assertThat(graphql(token, "2019-04", "{ job(id: \"x\") { id } }").statusCode()).isEqualTo(404);
        HttpResponse<String> otherShop = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/other.myshopify.com/admin/api/2026-10/graphql.json"))
                .header("X-Shopify-Access-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ job(id: \\\"x\\\") { id } }\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherShop.statusCode()).isEqualTo(401);
    }

    @Test
    void queriesAreProjectedOntoTheirSelectionWithCostAndShopifysValidationErrors() throws Exception {
        String token = accessToken();
        JsonNode r = json(graphql(token, "2026-10", """
                query One($id: ID!) { order(id: $id) { name displayFulfillmentStatus
                  lineItems(first: 1) { nodes { sku refundableQuantity } pageInfo { hasNextPage } }
                  fulfillments(first: 5) { trackingInfo(first: 1) { company number } } } }""", Map.of("id", "gid://shopify/Order/5001")));
        JsonNode order = r.path("data").path("order");
        assertThat(order.path("name").asText()).isEqualTo("#1001");
        assertThat(order.path("lineItems").path("nodes")).hasSize(1);
        assertThat(order.path("lineItems").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(order.has("email")).isFalse(); // only what was asked for
        assertThat(order.path("fulfillments").path(0).path("trackingInfo").path(0).path("company").asText()).isEqualTo("DHL");
        JsonNode cost = r.path("extensions").path("cost");
        assertThat(cost.path("requestedQueryCost").asInt()).isGreaterThan(cost.path("actualQueryCost").asInt());
        assertThat(cost.path("throttleStatus").path("maximumAvailable").asDouble()).isEqualTo(2000.0);

        JsonNode undefined = json(graphql(token, "2026-10", "{ order(id: \"gid://shopify/Order/5001\") { name secret } }"));
        assertThat(undefined.has("data")).isFalse();
        assertThat(undefined.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("undefinedField");
        assertThat(undefined.path("errors").path(0).path("message").asText()).isEqualTo("Field 'secret' doesn't exist on type 'Order'");
        JsonNode syntax = json(graphql(token, "2026-10", "{ order(id: \"x\" { name } }"));
        assertThat(syntax.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("syntaxError");
        JsonNode fragment = json(graphql(token, "2026-10", "fragment F on Order { name }"));
        assertThat(fragment.path("errors").path(0).path("message").asText()).contains("fragments are not supported");
    }

    @Test
    void theCostThrottleAnswersThrottledAndCapsASingleQuery() throws Exception {
        String token = accessToken();
        sim.drainBucket(SHOP);
        JsonNode throttled = json(graphql(token, "2026-10", "{ order(id: \"gid://shopify/Order/5001\") { name } }"));
        assertThat(throttled.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("THROTTLED");
        assertThat(throttled.path("extensions").path("cost").path("actualQueryCost").isNull()).isTrue();
        assertThat(throttled.path("extensions").path("cost").path("throttleStatus").path("restoreRate").asDouble()).isEqualTo(100.0);
        assertThat(sim.throttledCount()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(json(graphql(token, "2026-10", "{ order(id: \"gid://shopify/Order/5001\") { name } }")).path("data").path("order")
                .path("name").asText()).isEqualTo("#1001");
        JsonNode tooBig = json(graphql(token, "2026-10", "{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }"));
        assertThat(tooBig.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("MAX_COST_EXCEEDED");
    }

    @Test
    void refundCreateNeedsTheIdempotentDirectiveAndReturnsTheFirstRefundForARepeatedKey() throws Exception {
        String token = accessToken();
        String input = "{\"orderId\":\"gid://shopify/Order/5001\",\"transactions\":[{\"orderId\":\"gid://shopify/Order/5001\","
                + "\"parentId\":\"gid://shopify/OrderTransaction/50011\",\"amount\":\"3.00\",\"gateway\":\"shopify_payments\",\"kind\":\"REFUND\"}]}";
        String without = "mutation R($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }";
        assertThat(json(graphql(token, "2026-10", without, Map.of("input", SimServer.JSON.readTree(input)))).path("errors").path(0)
                .path("extensions").path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        String with = "mutation R($input: RefundInput!, $k: String!) { refundCreate(input: $input) @idempotent(key: $k) { "
                + "refund { id totalRefundedSet { shopMoney { amount } } } userErrors { field message } } }";
        JsonNode a = json(graphql(token, "2026-10", with, Map.of("input", SimServer.JSON.readTree(input), "k", "key-1")));
        JsonNode b = json(graphql(token, "2026-10", with, Map.of("input", SimServer.JSON.readTree(input), "k", "key-1")));
        assertThat(b.path("data").path("refundCreate").path("refund").path("id").asText())
                .isEqualTo(a.path("data").path("refundCreate").path("refund").path("id").asText());
        assertThat(sim.refunds(SHOP, "#1001")).hasSize(1);
        JsonNode mismatch = json(graphql(token, "2026-10", with, Map.of("input", SimServer.JSON.readTree(input.replace("3.00", "4.00")),
                "k", "key-1")));
        assertThat(mismatch.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
        JsonNode tooMuch = json(graphql(token, "2026-10", with, Map.of("input", SimServer.JSON.readTree(input.replace("3.00", "999.00")),
                "k", "key-2")));
        assertThat(tooMuch.path("data").path("refundCreate").path("userErrors").path(0).path("message").asText())
                .contains("refundable amount");
    }

    @Test
    void webhooksCarryAnHmacOfTheirBodyWithTheAppSecret() throws Exception {
        sim.fulfil(SHOP, "#1002", "DHL", "00340434161094042561", null);
        ShopifySimulator.WebhookDelivery w = webhooks.get(0);
        assertThat(w.topic()).isEqualTo("orders/updated");
        assertThat(w.headers()).containsEntry("X-Shopify-Topic", "orders/updated").containsEntry("X-Shopify-Shop-Domain", SHOP)
                .containsKeys("X-Shopify-Webhook-Id", "X-Shopify-Event-Id", "X-Shopify-Triggered-At", "X-Shopify-API-Version");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(sim.credentials(SHOP).get("client_secret").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(w.headers().get("X-Shopify-Hmac-Sha256"))
                .isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(w.body().getBytes(StandardCharsets.UTF_8))));
        JsonNode body = SimServer.JSON.readTree(w.body());
        assertThat(body.path("name").asText()).isEqualTo("#1002");
        assertThat(body.path("fulfillments").path(0).path("tracking_number").asText()).isEqualTo("00340434161094042561");
    }

    @Test
    void orderCancelRunsAsAJobAndRefusesFulfilledOrders() throws Exception {
        String token = accessToken();
        String cancel = "mutation C($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, refund: true, restock: true) { "
                + "job { id done } orderCancelUserErrors { field message code } } }";
        JsonNode refused = json(graphql(token, "2026-10", cancel, Map.of("id", "gid://shopify/Order/5001")));
        assertThat(refused.path("data").path("orderCancel").path("orderCancelUserErrors").path(0).path("code").asText()).isEqualTo("INVALID");
        JsonNode started = json(graphql(token, "2026-10", cancel, Map.of("id", "gid://shopify/Order/5002")));
        String job = started.path("data").path("orderCancel").path("job").path("id").asText();
        assertThat(started.path("data").path("orderCancel").path("job").path("done").asBoolean()).isFalse();
        assertThat(sim.cancelled(SHOP, "#1002")).isFalse();
        clock.advance(Duration.ofSeconds(2));
        JsonNode done = json(graphql(token, "2026-10", "query J($id: ID!) { job(id: $id) { done } }", Map.of("id", job)));
        assertThat(done.path("data").path("job").path("done").asBoolean()).isTrue();
        assertThat(sim.cancelled(SHOP, "#1002")).isTrue();
        JsonNode bad = json(graphql(token, "2026-10", cancel.replace("CUSTOMER", "BORED"), Map.of("id", "gid://shopify/Order/5003")));
        assertThat(bad.path("errors").path(0).path("extensions").path("code").asText()).isEqualTo("argumentLiteralsIncompatible");
    }

    @Test
    void theParserReadsVariablesLiteralsAliasesDirectivesAndComments() {
        Gql.Operation op = Gql.parse("""
                # a comment
                mutation Named($a: [RefundLineItemInput!]!, $k: String = "d") {
                  x: refundCreate(input: {orderId: "o", notify: false, n: -1.5, list: [1, 2], e: NO_RESTOCK, v: $a}) @idempotent(key: $k) {
                    refund { id }
                  }
                }""");
        assertThat(op.type()).isEqualTo("mutation");
        assertThat(op.name()).isEqualTo("Named");
        assertThat(op.variables()).containsExactly("a", "k");
        Gql.Field f = op.selections().get(0);
        assertThat(f.alias()).isEqualTo("x");
        assertThat(f.name()).isEqualTo("refundCreate");
        assertThat(f.directives()).singleElement().satisfies(d -> assertThat(d.name()).isEqualTo("idempotent"));
        JsonNode input = Gql.value(f.args().get("input"), SimServer.JSON.createObjectNode().set("a", SimServer.JSON.createArrayNode().add(7)));
        assertThat(input.toString()).isEqualTo("{\"orderId\":\"o\",\"notify\":false,\"n\":-1.5,\"list\":[1,2],\"e\":\"NO_RESTOCK\",\"v\":[7]}");
        assertThatThrownBy(() -> Gql.parse("{ a } { b }")).isInstanceOf(Gql.SyntaxError.class);
        assertThatThrownBy(() -> Gql.parse("{ a(x: \"unterminated) }")).isInstanceOf(Gql.SyntaxError.class);
    }

    private String accessToken() throws Exception {
        return json(token(sim.credentials(SHOP).get("refresh_token"))).path("access_token").asText();
    }

    private HttpResponse<String> token(String refresh) throws Exception {
        Map<String, String> c = sim.credentials(SHOP);
        ObjectNode body = SimServer.JSON.createObjectNode().put("client_id", c.get("client_id")).put("client_secret", c.get("client_secret"))
                .put("grant_type", "refresh_token").put("refresh_token", refresh);
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + SHOP + "/admin/oauth/access_token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> graphql(String token, String version, String query) throws Exception {
        return graphql(token, version, query, Map.of());
    }

    private HttpResponse<String> graphql(String token, String version, String query, Map<String, Object> variables) throws Exception {
        ObjectNode body = SimServer.JSON.createObjectNode().put("query", query);
        body.set("variables", SimServer.JSON.valueToTree(variables));
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/" + SHOP + "/admin/api/" + version + "/graphql.json"))
                .header("X-Shopify-Access-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return SimServer.JSON.readTree(r.body());
    }
}
