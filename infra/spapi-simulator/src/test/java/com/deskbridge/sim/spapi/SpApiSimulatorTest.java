package com.deskbridge.sim.spapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import com.deskbridge.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's wire behaviour, spoken to with a plain JDK HttpClient. */
class SpApiSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> notifications = new java.util.concurrent.CopyOnWriteArrayList<>();
    private SpApiSimulator sim;

    @BeforeEach
    void start() throws Exception {
        ObjectNode world = demo();
        ((ObjectNode) world.get("spapi")).put("latencyMs", 0);
        world.putArray("shipments").addObject().put("trackingNumber", "00340434161094042557"); // carrier simulator's keys
        world.putObject("carriers").put("dhl", "ignored here");
        sim = SpApiSimulator.start(0, world, clock, notifications::add);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void lwaIssuesBearerTokensForTheFixtureCredentialsOnly() throws Exception {
        HttpResponse<String> ok = token("amzn1.application-oa2-client.deskbridge-demo", secret(), refresh());
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("access_token").asText()).startsWith("Atza|");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(ok.headers().firstValue("x-amzn-RequestId")).isPresent();

        HttpResponse<String> badClient = token("amzn1.application-oa2-client.deskbridge-demo", "wrong", refresh());
        assertThat(badClient.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(badClient.body()).get("error").asText()).isEqualTo("invalid_client");
        HttpResponse<String> badGrant = token("amzn1.application-oa2-client.deskbridge-demo", secret(), "Atzr|other");
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badGrant.body()).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(sim.callCount("lwa.token")).isEqualTo(3);
    }

    @Test
    void missingInvalidOrExpiredAccessTokensAre403InSpApiErrorShape() throws Exception {
        HttpResponse<String> none = get("/orders/2026-01-01/orders/028-4711001-0000001", null);
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(none.body()).at("/errors/0/code").asText()).isEqualTo("Unauthorized");
        assertThat(none.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(get("/orders/2026-01-01/orders/028-4711001-0000001", "Atza|forged").statusCode()).isEqualTo(403);

        String token = accessToken();
        assertThat(get("/orders/2026-01-01/orders/028-4711001-0000001", token).statusCode()).isEqualTo(200);
        clock.set(START.plus(Duration.ofHours(1)));
        HttpResponse<String> expired = get("/orders/2026-01-01/orders/028-4711001-0000001", token);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(expired.body()).at("/errors/0/details").asText()).contains("expired");
    }

    @Test
    void theReviewRequestIsAvailableFrom5To30DaysAfterDeliveryAndOncePerOrder() throws Exception {
        String token = accessToken();
        String order = "/solicitations/v1/orders/028-4711002-0000002"; // SHIPPED, latest delivery two days before START
        String review = order + "/solicitations/productReviewAndSellerFeedback?marketplaceIds=A1PA6795UKMFR9";
        String actions = order + "?marketplaceIds=A1PA6795UKMFR9";
        assertThat(JSON.readTree(get(actions, token).body()).at("/_links/actions")).as("2 days after delivery").isEmpty();
        HttpResponse<String> early = send("POST", review, token, null);
        assertThat(early.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(early.body()).at("/errors/0/code").asText()).isEqualTo("Unauthorized");
        assertThat(JSON.readTree(early.body()).at("/errors/0/message").asText()).contains("5-30 day range");

        clock.set(START.plus(java.time.Duration.ofDays(8))); // 10 days after delivery
        token = accessToken();
        JsonNode eligible = JSON.readTree(get(actions, token).body());
        assertThat(eligible.at("/_links/actions/0/name").asText()).isEqualTo("productReviewAndSellerFeedback");
        assertThat(send("POST", review, token, null).statusCode()).isEqualTo(201);
        HttpResponse<String> again = send("POST", review, token, null);
        assertThat(again.statusCode()).as("one request per order").isEqualTo(403);
        assertThat(JSON.readTree(again.body()).at("/errors/0/message").asText()).contains("not available for this amazonOrderId");
        assertThat(JSON.readTree(get(actions, token).body()).at("/_links/actions")).isEmpty();

        String other = "/solicitations/v1/orders/028-4711001-0000001";
        clock.set(START.plus(java.time.Duration.ofDays(40))); // 39 days after its delivery
        token = accessToken();
        assertThat(JSON.readTree(get(other + "?marketplaceIds=A1PA6795UKMFR9", token).body()).at("/_links/actions")).isEmpty();
        assertThat(get(other, token).statusCode()).as("marketplaceIds is required").isEqualTo(400);
        assertThat(get("/solicitations/v1/orders/111-1111111-1111111?marketplaceIds=A1PA6795UKMFR9", token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void ordersRenderInBothVersionsAndHonourIncludedData() throws Exception {
        String token = accessToken();
        JsonNode full = JSON.readTree(get("/orders/2026-01-01/orders/028-4711001-0000001?includedData=BUYER,FULFILLMENT,PACKAGES,PROCEEDS", token).body()).get("order");
        assertThat(full.at("/fulfillment/fulfilledBy").asText()).isEqualTo("MERCHANT");
        assertThat(full.at("/fulfillment/shipByWindow/latestDateTime").asText()).isEqualTo("2026-11-17T10:00:00Z");
        assertThat(full.at("/packages/0/trackingNumber").asText()).isEqualTo("00340434161094042557");
        assertThat(full.at("/proceeds/grandTotal/amount").asText()).isEqualTo("28.90");
        assertThat(full.at("/buyer/buyerEmail").asText()).endsWith("@marketplace.amazon.de");
        assertThat(full.has("recipient")).isFalse();

        JsonNode bare = JSON.readTree(get("/orders/2026-01-01/orders/028-4711001-0000001", token).body()).get("order");
        assertThat(bare.has("buyer") || bare.has("packages") || bare.has("fulfillment")).isFalse();
        assertThat(bare.at("/orderItems/0/product/sellerSku").asText()).isEqualTo("DB-MUG-BLUE");
        assertThat(get("/orders/2026-01-01/orders/028-4711001-0000001?includedData=NONSENSE", token).statusCode()).isEqualTo(400);

        JsonNode v0 = JSON.readTree(get("/orders/v0/orders/028-4711005-0000006", token).body()).get("payload");
        assertThat(v0.get("OrderStatus").asText()).isEqualTo("Canceled");
        assertThat(v0.get("FulfillmentChannel").asText()).isEqualTo("MFN");
        assertThat(v0.get("SalesChannel").asText()).isEqualTo("Amazon.de");
        JsonNode items = JSON.readTree(get("/orders/v0/orders/028-4711001-0000001/orderItems", token).body()).get("payload");
        assertThat(items.at("/OrderItems/0/ItemPrice/Amount").asText()).isEqualTo("25.00");

        HttpResponse<String> unknown = get("/orders/v0/orders/111-1111111-1111111", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).at("/errors/0/code").asText()).isEqualTo("NotFound");
    }

    @Test
    void callsBeyondRateAndBurstGet429WithTheRateLimitHeader() throws Exception {
        String token = accessToken();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = get("/fba/outbound/2020-07-01/fulfillmentOrders/MCF-SHOP-1001", token);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-amzn-RateLimit-Limit")).contains("2");
        }
        HttpResponse<String> throttled = get("/fba/outbound/2020-07-01/fulfillmentOrders/MCF-SHOP-1001", token);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(throttled.body()).at("/errors/0/code").asText()).isEqualTo("QuotaExceeded");
        assertThat(throttled.headers().firstValue("x-amzn-RateLimit-Limit")).contains("2");
        assertThat(sim.throttledCount("fba.getFulfillmentOrder")).isEqualTo(1);
        clock.set(START.plusMillis(500));
        assertThat(get("/fba/outbound/2020-07-01/fulfillmentOrders/MCF-SHOP-1001", token).statusCode()).isEqualTo(200);
        assertThat(sim.callCount("fba.getFulfillmentOrder")).isEqualTo(32);
    }

    @Test
    void feedDocumentsUploadToTheSimulatorAndFeedsFinishOnTheClock() throws Exception {
        String token = accessToken();
        HttpResponse<String> doc = send("POST", "/feeds/2021-06-30/documents", token, "{\"contentType\":\"text/xml; charset=UTF-8\"}");
        assertThat(doc.statusCode()).isEqualTo(201);
        JsonNode created = JSON.readTree(doc.body());
        URI upload = URI.create(created.get("url").asText());
        assertThat(upload.toString()).startsWith(sim.baseUrl());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(upload).header("Content-Type", "text/xml; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString("<AmazonEnvelope><Message><MessageID>7</MessageID></Message></AmazonEnvelope>")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        HttpResponse<String> feed = send("POST", "/feeds/2021-06-30/feeds", token, "{\"feedType\":\"POST_PAYMENT_ADJUSTMENT_DATA\","
                + "\"marketplaceIds\":[\"A1PA6795UKMFR9\"],\"inputFeedDocumentId\":\"" + created.get("feedDocumentId").asText() + "\"}");
        assertThat(feed.statusCode()).isEqualTo(202);
        String feedId = JSON.readTree(feed.body()).get("feedId").asText();

        clock.set(START.plus(Duration.ofMinutes(2)));
        sim.processDueFeeds();
        assertThat(notifications).singleElement().satisfies(n -> {
            JsonNode body = JSON.readTree(n);
            assertThat(body.get("notificationType").asText()).isEqualTo("FEED_PROCESSING_FINISHED");
            assertThat(body.at("/payload/feedProcessingFinishedNotification/feedId").asText()).isEqualTo(feedId);
            assertThat(body.at("/payload/feedProcessingFinishedNotification/processingStatus").asText()).isEqualTo("DONE");
            assertThat(body.at("/notificationMetadata/applicationId").asText()).isEqualTo("amzn1.sellerapps.app.deskbridge-demo");
        });
        JsonNode done = JSON.readTree(get("/feeds/2021-06-30/feeds/" + feedId, token).body());
        assertThat(done.get("processingStatus").asText()).isEqualTo("DONE");
        JsonNode report = JSON.readTree(get("/feeds/2021-06-30/documents/" + done.get("resultFeedDocumentId").asText(), token).body());
        assertThat(report.get("compressionAlgorithm").asText()).isEqualTo("GZIP");
        byte[] gz = http.send(HttpRequest.newBuilder(URI.create(report.get("url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        String xml = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(xml).contains("<MessageType>ProcessingReport</MessageType>").contains("<MessagesProcessed>1</MessagesProcessed>")
                .contains("<MessagesSuccessful>1</MessagesSuccessful>").contains("<DocumentTransactionID>" + feedId + "</DocumentTransactionID>");
    }

    /**
     * The demo world's unshipped order (buyer asked to cancel) can be cancelled: its OrderAcknowledgement succeeds and
     * the order turns CANCELLED, while the deliberate failure case stays: a refund of it is rejected with 18028.
     */
    @Test
    void theDemoWorldsUnshippedOrderCanBeCancelledWhileItsRefundIsTheDeliberateFailure() throws Exception {
        String token = accessToken();
        String order = "028-4711003-0000004";
        String refund = submitFeed(token, "POST_PAYMENT_ADJUSTMENT_DATA", "<AmazonEnvelope><MessageType>OrderAdjustment</MessageType>"
                + "<Message><MessageID>1</MessageID><OrderAdjustment><AmazonOrderID>" + order
                + "</AmazonOrderID></OrderAdjustment></Message></AmazonEnvelope>");
        assertThat(refund).contains("<MessagesWithError>1</MessagesWithError>").contains("<ResultMessageCode>18028</ResultMessageCode>");
        assertThat(JSON.readTree(get("/orders/2026-01-01/orders/" + order, token).body()).at("/order/fulfillment/fulfillmentStatus").asText(""))
                .isNotEqualTo("CANCELLED");

        String cancel = submitFeed(token, "POST_ORDER_ACKNOWLEDGEMENT_DATA", "<AmazonEnvelope><MessageType>OrderAcknowledgement</MessageType>"
                + "<Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>" + order + "</AmazonOrderID>"
                + "<StatusCode>Failure</StatusCode></OrderAcknowledgement></Message></AmazonEnvelope>");
        assertThat(cancel).contains("<MessagesSuccessful>1</MessagesSuccessful>").contains("<MessagesWithError>0</MessagesWithError>");
        JsonNode v0 = JSON.readTree(get("/orders/v0/orders/" + order, token).body());
        assertThat(v0.at("/payload/OrderStatus").asText()).isEqualTo("Canceled");
    }

    /** Uploads the XML, creates the feed, lets it finish on the clock and returns its processing report. */
    private String submitFeed(String token, String feedType, String xml) throws Exception {
        JsonNode created = JSON.readTree(send("POST", "/feeds/2021-06-30/documents", token,
                "{\"contentType\":\"text/xml; charset=UTF-8\"}").body());
        http.send(HttpRequest.newBuilder(URI.create(created.get("url").asText())).header("Content-Type", "text/xml; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString(xml)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> feed = send("POST", "/feeds/2021-06-30/feeds", token, "{\"feedType\":\"" + feedType + "\","
                + "\"marketplaceIds\":[\"A1PA6795UKMFR9\"],\"inputFeedDocumentId\":\"" + created.get("feedDocumentId").asText() + "\"}");
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(202);
        String feedId = JSON.readTree(feed.body()).get("feedId").asText();
        clock.advance(Duration.ofMinutes(2));
        sim.processDueFeeds();
        JsonNode done = JSON.readTree(get("/feeds/2021-06-30/feeds/" + feedId, token).body());
        assertThat(done.get("processingStatus").asText()).isEqualTo("DONE");
        JsonNode report = JSON.readTree(get("/feeds/2021-06-30/documents/" + done.get("resultFeedDocumentId").asText(), token).body());
        byte[] gz = http.send(HttpRequest.newBuilder(URI.create(report.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        return new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz)).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void injectedFaultsAnswerInSpApiShapeBeforeTheRealOperation() throws Exception {
        String token = accessToken();
        sim.injectFault("orders.getOrder", 503, 1);
        HttpResponse<String> r = get("/orders/2026-01-01/orders/028-4711001-0000001", token);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(r.body()).at("/errors/0/code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(get("/orders/2026-01-01/orders/028-4711001-0000001", token).statusCode()).isEqualTo(200);
        assertThat(get("/no/such/api", token).statusCode()).isEqualTo(404);
    }

    @Test
    void fbaShipmentsReportGoesThroughTheAsyncStatesAndServesAGzippedFlatFile() throws Exception {
        String token = accessToken();
        String body = "{\"reportType\":\"GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL\",\"marketplaceIds\":[\"A1PA6795UKMFR9\"],"
                + "\"dataStartTime\":\"2026-11-15T00:00:00Z\",\"dataEndTime\":\"2026-11-20T10:00:00Z\"}";
        HttpResponse<String> created = send("POST", "/reports/2021-06-30/reports", token, body);
        assertThat(created.statusCode()).isEqualTo(202);
        String reportId = JSON.readTree(created.body()).get("reportId").asText();
        String path = "/reports/2021-06-30/reports/" + reportId;
        assertThat(JSON.readTree(get(path, token).body()).get("processingStatus").asText()).isEqualTo("IN_QUEUE");
        clock.set(START.plusSeconds(8)); // demo world: 15 s processing
        JsonNode progress = JSON.readTree(get(path, token).body());
        assertThat(progress.get("processingStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(progress.has("reportDocumentId")).isFalse();
        clock.set(START.plusSeconds(15));
        JsonNode done = JSON.readTree(get(path, token).body());
        assertThat(done.get("processingStatus").asText()).isEqualTo("DONE");
        assertThat(done.get("reportType").asText()).isEqualTo("GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL");
        assertThat(done.get("dataStartTime").asText()).isEqualTo("2026-11-15T00:00:00Z");

        JsonNode doc = JSON.readTree(get("/reports/2021-06-30/documents/" + done.get("reportDocumentId").asText(), token).body());
        assertThat(doc.get("compressionAlgorithm").asText()).isEqualTo("GZIP");
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(doc.get("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()); // pre-signed: no access token
        assertThat(download.statusCode()).isEqualTo(200);
        String tsv;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(download.body()))) {
            tsv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String[] lines = tsv.split("\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        assertThat(header).startsWith("amazon-order-id", "merchant-order-id", "shipment-id")
                .contains("buyer-email", "ship-postal-code", "carrier", "tracking-number", "estimated-arrival-date");
        assertThat(lines).hasSize(3); // the two FBA orders of the demo world, one item each; FBM orders never appear
        java.util.Map<String, String> dhl = row(header, lines[1]);
        assertThat(dhl).containsEntry("amazon-order-id", "028-4711004-0000005").containsEntry("carrier", "DHL")
                .containsEntry("tracking-number", "00340434161094042558").containsEntry("shipment-date", "2026-11-19T10:00:00+00:00")
                .containsEntry("fulfillment-channel", "AFN").containsEntry("sales-channel", "Amazon.de")
                .containsEntry("buyer-email", "m3n4b5v6c7@marketplace.amazon.de"); // as Amazon sends it: clients must drop it
        assertThat(row(header, lines[2])).containsEntry("carrier", "AMZN_DE").containsEntry("tracking-number", "TBA302211110007")
                .containsEntry("quantity-shipped", "2");
    }

    @Test
    void reportsEndFatalOrCancelledAndCreateReportIsThrottledAndValidated() throws Exception {
        String token = accessToken();
        String de = "\"marketplaceIds\":[\"A1PA6795UKMFR9\"]";
        sim.failNextReports(1);
        String fatal = JSON.readTree(send("POST", "/reports/2021-06-30/reports", token,
                "{\"reportType\":\"GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL\"," + de + "}").body()).get("reportId").asText();
        String empty = JSON.readTree(send("POST", "/reports/2021-06-30/reports", token,
                "{\"reportType\":\"GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL\",\"marketplaceIds\":[\"ATVPDKIKX0DER\"]}").body())
                .get("reportId").asText();
        HttpResponse<String> tooLong = send("POST", "/reports/2021-06-30/reports", token,
                "{\"reportType\":\"GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL\"," + de
                        + ",\"dataStartTime\":\"2026-09-01T00:00:00Z\",\"dataEndTime\":\"2026-11-20T00:00:00Z\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.body()).at("/errors/0/code").asText()).isEqualTo("InvalidInput");
        assertThat(send("POST", "/reports/2021-06-30/reports", token, "{\"reportType\":\"GET_FLAT_FILE_OPEN_LISTINGS_DATA\"," + de + "}")
                .statusCode()).isEqualTo(400);
        clock.set(START.plusSeconds(15));
        JsonNode f = JSON.readTree(get("/reports/2021-06-30/reports/" + fatal, token).body());
        assertThat(f.get("processingStatus").asText()).isEqualTo("FATAL");
        assertThat(f.has("reportDocumentId")).isFalse();
        // no FBA shipment in that marketplace: Amazon cancels a report without data
        assertThat(JSON.readTree(get("/reports/2021-06-30/reports/" + empty, token).body()).get("processingStatus").asText())
                .isEqualTo("CANCELLED");
        assertThat(get("/reports/2021-06-30/reports/999", token).statusCode()).isEqualTo(404);
        // createReport: 0.0167/s, burst 15; 4 used above, 11 more pass, the next is throttled
        String ok = "{\"reportType\":\"GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL\"," + de + "}";
        for (int i = 0; i < 11; i++) {
            assertThat(send("POST", "/reports/2021-06-30/reports", token, ok).statusCode()).isEqualTo(202);
        }
        HttpResponse<String> throttled = send("POST", "/reports/2021-06-30/reports", token, ok);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("x-amzn-RateLimit-Limit")).contains("0.0167");
        assertThat(sim.throttledCount("reports.createReport")).isEqualTo(1);
        clock.set(START.plusSeconds(15 + 60)); // one token per minute
        assertThat(send("POST", "/reports/2021-06-30/reports", token, ok).statusCode()).isEqualTo(202);
    }

    private static java.util.Map<String, String> row(List<String> header, String line) {
        String[] cells = line.split("\t", -1);
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.put(header.get(i), i < cells.length ? cells[i] : "");
        }
        return m;
    }

    private String accessToken() throws Exception {
        return JSON.readTree(token("amzn1.application-oa2-client.deskbridge-demo", secret(), refresh()).body())
                .get("access_token").asText();
    }

    /** The demo world leaves the secret parts out: the simulator made them up at start. */
    private String secret() {
        return sim.credentials().get(0).get("client_secret");
    }

    private String refresh() {
        return sim.credentials().get(0).get("refresh_token");
    }

    private HttpResponse<String> token(String clientId, String secret, String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&refresh_token=" + java.net.URLEncoder.encode(refreshToken, "UTF-8")
                + "&client_id=" + clientId + "&client_secret=" + secret;
        return http.send(HttpRequest.newBuilder(URI.create(sim.lwaUrl())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        if (token != null) {
            b.header("x-amz-access-token", token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectNode demo() throws Exception {
        try (InputStream in = SpApiSimulator.class.getResourceAsStream("/demo-world-spapi.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
