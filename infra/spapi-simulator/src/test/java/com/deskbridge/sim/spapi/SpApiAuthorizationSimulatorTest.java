package com.deskbridge.sim.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import com.deskbridge.testing.MutableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The website authorization workflow as the simulator plays it (consent redirect, authorization-code exchange, the new
 * refresh token working for that selling partner only) and the Notifications API's destinations and subscriptions.
 */
class SpApiAuthorizationSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTNER = "A3ONBOARDEDSELLER";
    private static final String REDIRECT = "https://helpdesk.example/onboarding/amazon/callback";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private SpApiSimulator sim;

    @BeforeEach
    void start() throws Exception {
        ObjectNode world;
        try (InputStream in = SpApiSimulator.class.getResourceAsStream("/demo-world-spapi.json")) {
            world = (ObjectNode) JSON.readTree(in);
        }
        // one order only the onboarded selling partner sees
        ((com.fasterxml.jackson.databind.node.ArrayNode) world.get("orders")).addObject().put("orderId", "028-9900001-0000001")
                .put("sellerId", PARTNER).put("marketplaceId", "A1PA6795UKMFR9").put("status", "UNSHIPPED")
                .put("purchaseDate", "-P1D").put("currency", "EUR").putArray("items").addObject().put("orderItemId", "1")
                .put("sku", "S").put("asin", "B000000001").put("title", "Lamp").put("quantity", 1).put("unitPrice", 10);
        sim = SpApiSimulator.start(0, world, clock, body -> { });
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void consentRedirectsWithACodeThatLwaExchangesOnceForAWorkingRefreshToken() throws Exception {
        Map<String, String> callback = consent("s-123");
        assertThat(callback).containsEntry("state", "s-123").containsEntry("selling_partner_id", PARTNER);
        String code = callback.get("spapi_oauth_code");

        HttpResponse<String> exchanged = lwa("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT));
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        String refresh = JSON.readTree(exchanged.body()).path("refresh_token").asText();
        assertThat(refresh).startsWith("Atzr|");
        HttpResponse<String> replayed = lwa("grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT));
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(replayed.body()).path("error").asText()).isEqualTo("invalid_grant");

        String access = JSON.readTree(lwa("grant_type=refresh_token&refresh_token=" + enc(refresh)).body()).path("access_token").asText();
        assertThat(get("/orders/v0/orders/028-9900001-0000001", access).statusCode()).isEqualTo(200);
        String demoAccess = demoSellerAccessToken();
        assertThat(get("/orders/v0/orders/028-9900001-0000001", demoAccess).statusCode())
                .as("another selling partner's token does not see the order").isEqualTo(404);
    }

    @Test
    void expiredOrMisdirectedCodesAndOtherClientsAreRefused() throws Exception {
        String code = consent("s-1").get("spapi_oauth_code");
        HttpResponse<String> wrongRedirect = lwa("grant_type=authorization_code&code=" + enc(code)
                + "&redirect_uri=" + enc("https://evil.example/cb"));
        assertThat(JSON.readTree(wrongRedirect.body()).path("error").asText()).isEqualTo("invalid_grant");

        String late = consent("s-2").get("spapi_oauth_code");
        clock.advance(Authorizations.CODE_LIFETIME);
        assertThat(lwa("grant_type=authorization_code&code=" + enc(late)).statusCode()).isEqualTo(400);

        Map<String, String> demo = sim.credentials().get(0);
        HttpResponse<String> otherClient = post(sim.lwaUrl(), "application/x-www-form-urlencoded", "grant_type=authorization_code&code="
                + enc(consent("s-3").get("spapi_oauth_code")) + "&client_id=" + enc(demo.get("client_id"))
                + "&client_secret=" + enc(demo.get("client_secret")), null);
        assertThat(otherClient.statusCode()).isEqualTo(401);

        HttpResponse<String> badApp = http.send(HttpRequest.newBuilder(URI.create(sim.consentUrl()
                + "?application_id=amzn1.sp.solution.other&state=x&redirect_uri=" + enc(REDIRECT))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badApp.statusCode()).isEqualTo(400);
    }

    @Test
    void notificationsDestinationsAreGrantlessAndSubscriptionsPerSellingPartner() throws Exception {
        String grantless = JSON.readTree(lwa("grant_type=client_credentials&scope=" + enc("sellingpartnerapi::notifications"))
                .body()).path("access_token").asText();
        String arn = "arn:aws:sqs:eu-west-1:000000000000:deskbridge-spapi-notifications";
        String destination = "{\"name\":\"deskbridge\",\"resourceSpecification\":{\"sqs\":{\"arn\":\"" + arn + "\"}}}";
        HttpResponse<String> created = post(sim.baseUrl() + "/notifications/v1/destinations", "application/json", destination, grantless);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String destinationId = JSON.readTree(created.body()).at("/payload/destinationId").asText();
        assertThat(post(sim.baseUrl() + "/notifications/v1/destinations", "application/json", destination, grantless).statusCode())
                .isEqualTo(409);
        JsonNode listed = JSON.readTree(get("/notifications/v1/destinations", grantless).body());
        assertThat(listed.at("/payload/0/resource/sqs/arn").asText()).isEqualTo(arn);

        String seller = demoSellerAccessToken();
        assertThat(post(sim.baseUrl() + "/notifications/v1/destinations", "application/json", destination, seller).statusCode())
                .as("createDestination is grantless").isEqualTo(403);
        assertThat(get("/notifications/v1/subscriptions/ORDER_CHANGE", seller).statusCode()).isEqualTo(404);
        String subscription = "{\"payloadVersion\":\"1.0\",\"destinationId\":\"" + destinationId + "\"}";
        HttpResponse<String> subscribed = post(sim.baseUrl() + "/notifications/v1/subscriptions/ORDER_CHANGE", "application/json",
                subscription, seller);
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
        assertThat(post(sim.baseUrl() + "/notifications/v1/subscriptions/ORDER_CHANGE", "application/json", subscription, seller)
                .statusCode()).isEqualTo(409);
        JsonNode got = JSON.readTree(get("/notifications/v1/subscriptions/ORDER_CHANGE", seller).body());
        assertThat(got.at("/payload/destinationId").asText()).isEqualTo(destinationId);
        assertThat(get("/notifications/v1/subscriptions/ORDER_CHANGE", grantless).statusCode()).isEqualTo(403);
        assertThat(sim.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.path("sellingPartnerId").asText()).isEqualTo("A2DESKBRIDGEDEMO");
            assertThat(s.path("arn").asText()).isEqualTo(arn);
        });
        JsonNode inspected = JSON.readTree(get("/_simulator/subscriptions", null).body());
        assertThat(inspected.at("/subscriptions/0/notificationType").asText()).isEqualTo("ORDER_CHANGE");
    }

    private String demoSellerAccessToken() throws Exception {
        Map<String, String> demo = sim.credentials().get(0);
        return JSON.readTree(post(sim.lwaUrl(), "application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token="
                + enc(demo.get("refresh_token")) + "&client_id=" + enc(demo.get("client_id")) + "&client_secret="
                + enc(demo.get("client_secret")), null).body()).path("access_token").asText();
    }

    private Map<String, String> consent(String state) throws Exception {
        Map<String, String> app = sim.applicationCredentials();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.consentUrl() + "?application_id="
                + enc(app.get("application_id")) + "&state=" + enc(state) + "&version=beta&redirect_uri=" + enc(REDIRECT)
                + "&selling_partner_id=" + PARTNER)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?");
        Map<String, String> q = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return q;
    }

    private HttpResponse<String> lwa(String form) throws Exception {
        Map<String, String> app = sim.applicationCredentials();
        return post(sim.lwaUrl(), "application/x-www-form-urlencoded", form + "&client_id=" + enc(app.get("client_id"))
                + "&client_secret=" + enc(app.get("client_secret")), null);
    }

    private HttpResponse<String> post(String url, String type, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("x-amz-access-token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        if (token != null) {
            b.header("x-amz-access-token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
