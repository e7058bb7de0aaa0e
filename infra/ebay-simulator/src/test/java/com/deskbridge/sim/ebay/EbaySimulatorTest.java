package com.deskbridge.sim.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.sim.support.SimServer;
import com.deskbridge.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator over raw HTTP: eBay's OAuth, REST and Post-Order wire formats, errors, limits and notifications. */
class EbaySimulatorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<EbaySimulator.PlatformNotification> notifications = new ArrayList<>();
    private EbaySimulator sim;
    private Map<String, String> creds;

    @BeforeEach
    void start() {
        ObjectNode world = (ObjectNode) EbaySimulator.demoWorld();
        ((ObjectNode) world.get("ebay")).put("latencyMs", 0);
        sim = EbaySimulator.start(0, world, clock, notifications::add);
        creds = sim.credentials("demo-seller");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theTokenEndpointSpeaksOauthIncludingItsErrors() throws Exception {
        HttpResponse<String> ok = token("grant_type=refresh_token&refresh_token=" + enc(creds.get("refresh_token")), basic());
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode t = json(ok);
        assertThat(t.path("token_type").asText()).isEqualTo("User Access Token");
        assertThat(t.path("expires_in").asLong()).isEqualTo(7200);
        assertThat(ok.headers().firstValue("x-ebay-c-request-id")).isPresent();

        assertThat(json(token("grant_type=refresh_token&refresh_token=x", "Basic " + Base64.getEncoder()
                .encodeToString("a:b".getBytes(StandardCharsets.UTF_8)))).path("error").asText()).isEqualTo("invalid_client");
        assertThat(json(token("grant_type=refresh_token&refresh_token=unknown", basic())).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(token("grant_type=password", basic())).path("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(json(token("grant_type=refresh_token&refresh_token=" + enc(creds.get("refresh_token"))
                + "&scope=" + enc("https://api.ebay.com/oauth/api_scope/sell.inventory"), basic())).path("error").asText())
                .isEqualTo("invalid_scope");
    }

    @Test
    void restCallsNeedABearerTokenAndPostOrderAnIafTokenAndTheMarketplace() throws Exception {
        String token = accessToken();
        HttpResponse<String> noToken = get("/sell/fulfillment/v1/order/12-34567-89012", Map.of());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(json(noToken).path("errors").path(0).path("errorId").asInt()).isEqualTo(1001);
        assertThat(get("/sell/fulfillment/v1/order/12-34567-89012", Map.of("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);

        String eligibility = "{\"legacyOrderId\":\"12-34567-89013\"}";
        HttpResponse<String> bearer = post("/post-order/v2/cancellation/check_eligibility", eligibility,
                Map.of("Authorization", "Bearer " + token, "X-EBAY-C-MARKETPLACE-ID", "EBAY_DE"));
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(json(bearer).path("errorMessage").path("error").path(0).path("errorId").asInt()).isEqualTo(1001); // Post-Order's error shape
        assertThat(post("/post-order/v2/cancellation/check_eligibility", eligibility, Map.of("Authorization", "IAF " + token))
                .statusCode()).isEqualTo(400);
        HttpResponse<String> ok = post("/post-order/v2/cancellation/check_eligibility", eligibility,
                Map.of("Authorization", "IAF " + token, "X-EBAY-C-MARKETPLACE-ID", "EBAY_DE"));
        assertThat(json(ok).path("eligible").asBoolean()).isTrue();
        HttpResponse<String> shipped = post("/post-order/v2/cancellation/check_eligibility", "{\"legacyOrderId\":\"12-34567-89012\"}",
                Map.of("Authorization", "IAF " + token, "X-EBAY-C-MARKETPLACE-ID", "EBAY_DE"));
        assertThat(json(shipped).path("failureReason").toString()).contains("ORDER_SHIPPED");
    }

    @Test
    void ordersAreRenderedInTheFulfillmentApisShapeAndFilteredAndPaged() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + accessToken());
        JsonNode order = json(get("/sell/fulfillment/v1/order/12-34567-89015", auth));
        assertThat(order.path("orderFulfillmentStatus").asText()).isEqualTo("FULFILLED");
        assertThat(order.path("orderPaymentStatus").asText()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(order.path("paymentSummary").path("refunds").path(0).path("refundStatus").asText()).isEqualTo("REFUNDED");
        assertThat(order.path("lineItems").path(0).path("lineItemCost").path("value").asText()).isEqualTo("39.00");
        assertThat(order.path("lineItems").path(0).path("refunds").path(0).path("amount").path("value").asText()).isEqualTo("10.00");
        assertThat(order.path("cancelStatus").path("cancelState").asText()).isEqualTo("NONE_REQUESTED");

        JsonNode fulfillments = json(get("/sell/fulfillment/v1/order/12-34567-89015/shipping_fulfillment", auth));
        assertThat(fulfillments.path("fulfillments").path(0).path("shippingCarrierCode").asText()).isEqualTo("DPD");

        String since = URLEncoder.encode("creationdate:[" + clock.instant().minus(Duration.ofDays(1)) + "..]", StandardCharsets.UTF_8);
        JsonNode recent = json(get("/sell/fulfillment/v1/order?filter=" + since + "&limit=1", auth));
        assertThat(recent.path("total").asInt()).isEqualTo(2);
        assertThat(recent.path("orders").size()).isEqualTo(1);
        assertThat(recent.path("next").asText()).contains("offset=1");
        assertThat(json(get("/sell/fulfillment/v1/order?orderIds=12-34567-89012,12-34567-89014", auth)).path("total").asInt()).isEqualTo(2);
        assertThat(get("/sell/fulfillment/v1/order?filter=color:blue", auth).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = get("/sell/fulfillment/v1/order/99-99999-99999", auth);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("errors").path(0).path("errorId").asInt()).isEqualTo(32100);
    }

    @Test
    void conversationsAreFilteredByTimeAndPagedNewestFirst() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + accessToken());
        assertThat(get("/commerce/message/v1/conversation", auth).statusCode()).isEqualTo(400);
        String start = enc("2026-11-19T15:00:00.000Z");
        JsonNode page = json(get("/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&start_time=" + start, auth));
        assertThat(page.path("conversations").size()).isEqualTo(1);
        assertThat(page.path("conversations").path(0).path("conversationId").asText()).isEqualTo("ebay-conv-7782");
        assertThat(page.path("conversations").path(0).path("referenceType").asText()).isEqualTo("LISTING");
        JsonNode messages = json(get("/commerce/message/v1/conversation/ebay-conv-7782?conversation_type=FROM_MEMBERS&limit=1", auth));
        assertThat(messages.path("messages").path(0).path("senderUsername").asText()).isEqualTo("deskbridge_demo_de");
        assertThat(messages.path("next").asText()).contains("offset=1");
        assertThat(get("/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&limit=51", auth).statusCode()).isEqualTo(400);
        HttpResponse<String> tooLong = post("/commerce/message/v1/send_message",
                "{\"conversationId\":\"ebay-conv-7782\",\"messageText\":\"" + "x".repeat(2001) + "\"}", auth);
        assertThat(json(tooLong).path("errors").path(0).path("errorId").asInt()).isEqualTo(355012);
        HttpResponse<String> unknown = post("/commerce/message/v1/send_message",
                "{\"conversationId\":\"ebay-conv-0000\",\"messageText\":\"Hello\"}", auth);
        assertThat(unknown.statusCode()).as("a conversation that does not exist").isEqualTo(404);
        HttpResponse<String> otherBuyer = post("/commerce/message/v1/send_message",
                "{\"conversationId\":\"ebay-conv-7782\",\"otherPartyUsername\":\"k_bergmann\",\"messageText\":\"Hello\"}", auth);
        assertThat(json(otherBuyer).path("errors").path(0).path("errorId").asInt()).as("7782 is j_beispiel's").isEqualTo(355021);
        assertThat(sim.sellerMessages("ebay-conv-7782")).doesNotContain("Hello");
        HttpResponse<String> sent = post("/commerce/message/v1/send_message",
                "{\"conversationId\":\"ebay-conv-7782\",\"messageText\":\"Storniert.\"}", auth);
        assertThat(json(sent).path("recipientUserName").asText()).isEqualTo("j_beispiel");
        assertThat(sim.sellerMessages("ebay-conv-7782")).contains("Storniert.");
    }

    @Test
    void refundsForEuSellersNeedAValidSignature() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + accessToken());
        String body = "{\"reasonForRefund\":\"OTHER\",\"refundItems\":[{\"lineItemId\":\"10050000000101\","
                + "\"refundAmount\":{\"value\":\"5.00\",\"currency\":\"EUR\"}}]}";
        HttpResponse<String> unsigned = post("/sell/fulfillment/v1/order/12-34567-89012/issue_refund", body, auth);
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(json(unsigned).path("errors").path(0).path("errorId").asInt()).isEqualTo(215122);

        Map<String, String> wrongDigest = new java.util.HashMap<>(auth);
        wrongDigest.put("x-ebay-signature-key", creds.get("signing_jwe"));
        wrongDigest.put("Content-Digest", "sha-256=:AAAA:");
        wrongDigest.put("Signature-Input", "sig1=(\"content-digest\" \"x-ebay-signature-key\" \"@method\" \"@path\" \"@authority\");created="
                + clock.instant().getEpochSecond());
        wrongDigest.put("Signature", "sig1=:AAAA:");
        assertThat(json(post("/sell/fulfillment/v1/order/12-34567-89012/issue_refund", body, wrongDigest)).path("errors").path(0)
                .path("longMessage").asText()).isEqualTo("Content-Digest does not match the body");
        assertThat(sim.refunds("12-34567-89012")).isEmpty();
    }

    @Test
    void theDailyLimitAnswers429WithEbaysErrorAndResetsAtMidnightPacific() throws Exception {
        sim.setCallLimit("sell.fulfillment", 1);
        Map<String, String> auth = Map.of("Authorization", "Bearer " + accessToken());
        assertThat(get("/sell/fulfillment/v1/order/12-34567-89012", auth).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = get("/sell/fulfillment/v1/order/12-34567-89012", auth);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).path("errors").path(0).path("errorId").asInt()).isEqualTo(2001);
        assertThat(sim.throttledCount("fulfillment.getOrder")).isEqualTo(1);
        clock.set(Instant.parse("2026-11-21T08:00:00Z"));
        assertThat(get("/sell/fulfillment/v1/order/12-34567-89012", Map.of("Authorization", "Bearer " + accessToken())).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aBuyersMessageIsAnnouncedWithASignedPlatformNotification() throws Exception {
        String id = sim.buyerWrites("ebay-conv-7781", "Noch da?");
        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.eventName()).isEqualTo("MyMessagesM2MMessageHeader");
            assertThat(n.recipientUserId()).isEqualTo("deskbridge_demo_de");
            assertThat(n.soapBody()).contains("<MessageID>" + id + "</MessageID>").contains("NotificationSignature")
                    .doesNotContain("Noch da?");
        });
        String timestamp = notifications.get(0).soapBody().replaceAll("(?s).*<Timestamp>([^<]+)</Timestamp>.*", "$1");
        String expected = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5")
                .digest((timestamp + sim.devId() + creds.get("client_id") + creds.get("client_secret")).getBytes(StandardCharsets.UTF_8)));
        assertThat(notifications.get(0).soapBody()).contains(">" + expected + "</ebl:NotificationSignature>");
    }

    @Test
    void unknownPathsAnswerInEbaysErrorShape() throws Exception {
        HttpResponse<String> r = get("/sell/inventory/v1/inventory_item", Map.of());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).path("errors").path(0).path("errorId").asInt()).isEqualTo(2002);
    }

    private String accessToken() throws Exception {
        return json(token("grant_type=refresh_token&refresh_token=" + enc(creds.get("refresh_token")), basic())).path("access_token").asText();
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((creds.get("client_id") + ":" + creds.get("client_secret"))
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> token(String form, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/identity/v1/oauth2/token"))
                .header("Authorization", authorization).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return SimServer.JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
