package com.deskbridge.sim.carriers;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's own behaviour, over HTTP; the adapters' tests in functions/carriers cover each wire format in depth. */
class CarrierSimulatorTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private CarrierSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private HttpResponse<String> dhl(String number) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl("dhl") + "/track/shipments?trackingNumber=" + number))
                .header("DHL-API-Key", "demo-dhl-key").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void demoWorldServesDhlWithRelativeTimesAndHidesFutureEvents() throws Exception {
        sim = CarrierSimulator.start(0, CarrierSimulator.demoWorld(), clock);
        HttpResponse<String> r = dhl("00340434161094042563");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode s = json.readTree(r.body()).path("shipments").get(0);
        assertThat(s.path("status").path("statusCode").asText()).isEqualTo("pre-transit");
        assertThat(s.path("events")).hasSize(1);
        assertThat(s.path("events").get(0).path("timestamp").asText()).isEqualTo("2026-11-22T05:00:00Z");
        clock.advance(Duration.ofHours(27));
        JsonNode later = json.readTree(dhl("00340434161094042563").body()).path("shipments").get(0);
        assertThat(later.path("status").path("statusCode").asText()).isEqualTo("delivered");
        assertThat(later.path("events")).hasSize(3);
        assertThat(later.path("events").get(0).path("statusCode").asText()).isEqualTo("delivered");
        assertThat(dhl("NOPE").statusCode()).isEqualTo(404);
        assertThat(sim.callCount("dhl")).isEqualTo(3);
    }

    @Test
    void quotaAnswers429WithRetryAfterUntilTheWindowEnds() throws Exception {
        JsonNode world = json.readTree("""
                {"orders": [], "spapi": {"x": 1},
                 "carriers": {"dhl": {"apiKey": "k", "quota": {"limit": 2, "period": "P1D"}}},
                 "shipments": [{"carrier": "dhl", "trackingNumber": "A1", "events": [{"at": "-PT1H", "code": "transit", "text": "t"}]}]}
                """);
        sim = CarrierSimulator.start(0, world, clock);
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl("dhl") + "/track/shipments?trackingNumber=A1"))
                .header("DHL-API-Key", "k").build();
        assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> second = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(second.headers().firstValue("RateLimit-Remaining")).contains("0");
        HttpResponse<String> third = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).contains(Long.toString(16 * 3600));
        assertThat(sim.rejectedCount("dhl")).isEqualTo(1);
        clock.set(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpRequest wrongKey = HttpRequest.newBuilder(req.uri()).header("DHL-API-Key", "other").build();
        HttpResponse<String> unauthorized = http.send(wrongKey, HttpResponse.BodyHandlers.ofString());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(json.readTree(unauthorized.body()).path("title").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void injectedFaultsComeFirstThenNormalService() throws Exception {
        sim = CarrierSimulator.start(0, CarrierSimulator.demoWorld(), clock);
        sim.injectFaults("dhl", 503, 2);
        assertThat(dhl("00340434161094042557").statusCode()).isEqualTo(503);
        assertThat(dhl("00340434161094042557").statusCode()).isEqualTo(503);
        assertThat(dhl("00340434161094042557").statusCode()).isEqualTo(200);
    }

    @Test
    void everyCarrierHasItsBaseUrl() {
        sim = CarrierSimulator.start(0, CarrierSimulator.demoWorld(), clock);
        for (String c : CarrierSimulator.CARRIERS) {
            assertThat(sim.baseUrl(c)).isEqualTo("http://127.0.0.1:" + sim.port() + "/" + c);
        }
    }

    @Test
    void fixtureAccountsAreAcceptedBesideTheDefaultAndCountedApart() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode world = (com.fasterxml.jackson.databind.node.ObjectNode) CarrierSimulator.demoWorld();
        world.putObject("carriers").putObject("ups").putArray("accounts").addObject()
                .put("name", "seller-a").put("clientId", "seller-a-client").put("clientSecret", "seller-a-secret");
        sim = CarrierSimulator.start(0, world, clock);
        String own = upsToken("seller-a-client", "seller-a-secret");
        String shared = upsToken("demo-ups-client", "demo-ups-secret");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl("ups") + "/security/v1/oauth/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("seller-a-client:wrong".getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("a wrong secret").isEqualTo(401);
        for (String token : new String[] {own, own, shared}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl("ups") + "/api/track/v1/details/1ZDB00000000000011"))
                    .header("Authorization", "Bearer " + token).header("transId", "t1").header("transactionSrc", "test").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(sim.accountCounts("ups").get("seller-a")).containsEntry("trackingCalls", 2).containsEntry("tokensIssued", 1);
        assertThat(sim.accountCounts("ups").get("default")).containsEntry("trackingCalls", 1).containsEntry("tokensIssued", 1);
        JsonNode hook = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sim.port() + "/_simulator/accounts"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(hook.path("ups").path("seller-a").path("trackingCalls").asInt()).isEqualTo(2);
    }

    private String upsToken(String id, String secret) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl("ups") + "/security/v1/oauth/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).path("access_token").asText();
    }
}
