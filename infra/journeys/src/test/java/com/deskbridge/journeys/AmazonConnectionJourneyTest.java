package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Connecting a seller's Amazon account by SP-API's website authorization workflow, as an operator and Seller Central
 * meet it: the onboarding API hands out the consent URL, the simulated Seller Central redirects back with the code, the
 * callback exchanges it, stores the refresh token and subscribes the seller's notifications; then that seller's ticket
 * gets its order through its own token (the order exists only for its Amazon account A1JOURNEYONBOARD, and the
 * journeys' system authorises no seller by default).
 */
class AmazonConnectionJourneyTest extends Journey {
    private static final String PARTNER = "A1JOURNEYONBOARD";
    private static final String ORDER = "028-5300001-0000001";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static String operatorToken() {
        ObjectNode request = Api.JSON.createObjectNode().put("sub", "operator-amazon-journey");
        request.putObject("claims").putArray("roles").add("operator");
        return api.tokenWith(request);
    }

    @Test
    @DisplayName("an operator connects a seller's Amazon account: consent in Seller Central, callback, token stored, notifications subscribed, the seller's ticket gets its order; a failed exchange is visible and retried, replayed or forged state is refused")
    void anOperatorConnectsASellersAmazonAccount() throws Exception {
        String seller = "journey-onboard-" + System.nanoTime();
        String operator = operatorToken();
        Api.Response created = api.post("/sellers", operator, Map.of("sellerId", seller, "marketplaces", List.of("A1PA6795UKMFR9"),
                "region", "eu", "timeZone", "Europe/Berlin", "mailAlias", seller));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("/sellers/" + seller, operator).json().path("amazon").path("status").asText()).isEqualTo("not-connected");
        assertThat(api.get("/sellers/" + seller + "/amazon/authorize", agentToken(seller)).status())
                .as("an agent is neither operator nor lead").isEqualTo(403);
        assertThat(api.get("/sellers/" + seller + "/amazon/authorize", leadToken("journey-north")).status())
                .as("another seller's lead").isEqualTo(404);

        // 1. a code Login with Amazon refuses: the failure is recorded, nothing stored, and the state is used up
        String failing = consentRedirect(authorize(seller, leadToken(seller)));
        String tampered = failing.replaceAll("spapi_oauth_code=[^&]+", "spapi_oauth_code=ANwrongcode");
        Api.Response refusedExchange = api.get(tampered, null);
        assertThat(refusedExchange.status()).as(refusedExchange.toString()).isEqualTo(400);
        assertThat(refusedExchange.json().path("type").asText()).endsWith("amazon-authorization-failed");
        JsonNode failed = api.get("/sellers/" + seller, operator).json().path("amazon");
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("reason").asText()).contains("invalid_grant").contains("authorize again");
        assertThat(api.get(failing, null).status()).as("the state of a failed attempt is used up too").isEqualTo(400);

        // 2. authorize again: connected
        String callback = consentRedirect(authorize(seller, operator));
        Api.Response connected = api.get(callback, null);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        assertThat(connected.body()).doesNotContain("Atzr|");
        JsonNode amazon = api.get("/sellers/" + seller, agentToken(seller)).json().path("amazon");
        assertThat(amazon.path("status").asText()).isEqualTo("connected");
        assertThat(amazon.path("sellingPartnerId").asText()).isEqualTo(PARTNER);
        assertThat(amazon.path("subscriptions")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("FEED_PROCESSING_FINISHED", "ORDER_CHANGE");
        JsonNode subscriptions = simulator("/_simulator/subscriptions").path("subscriptions");
        List<JsonNode> ours = new java.util.ArrayList<>();
        subscriptions.forEach(s -> {
            if (PARTNER.equals(s.path("sellingPartnerId").asText())) {
                ours.add(s);
            }
        });
        assertThat(ours).extracting(s -> s.path("notificationType").asText())
                .containsExactlyInAnyOrder("FEED_PROCESSING_FINISHED", "ORDER_CHANGE");
        assertThat(ours).allSatisfy(s -> assertThat(s.path("arn").asText()).startsWith("arn:aws:sqs:"));

        // 3. replayed and forged states change nothing
        Api.Response replayed = api.get(callback, null);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.json().path("type").asText()).endsWith("amazon-state-refused");
        String forged = callback.replaceAll("state=([^&.]+)\\.[^&]+", "state=$1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(api.get(forged, null).status()).isEqualTo(400);
        assertThat(api.get("/onboarding/amazon/callback?state=x&selling_partner_id=" + PARTNER + "&spapi_oauth_code=y", null).status())
                .isEqualTo(400);
        assertThat(api.get("/sellers/" + seller, operator).json().path("amazon")).isEqualTo(amazon);

        // 4. the seller's ticket gets the order only its own Amazon account sees, through its own refresh token
        String agent = agentToken(seller);
        String messageId = intake.relayMail(agent, seller, "p0o9i8u7y6t5r4e@marketplace.amazon.de", ORDER,
                "Frage zur Bestellung", "Guten Tag, wann wird meine Lampe verschickt?");
        JsonNode ticket = ticketWithMessage(agent, messageId);
        JsonNode context = withContext(agent, ticket.path("id").asText());
        assertThat(context.path("order").path("orderId").asText()).isEqualTo(ORDER);
    }

    /** The consent URL, as an operator or the seller's lead gets it. */
    private static String authorize(String seller, String token) {
        Api.Response r = api.get("/sellers/" + seller + "/amazon/authorize", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String url = r.json().path("consentUrl").asText();
        assertThat(url).startsWith(system.spApi() + "/apps/authorize/consent?application_id=amzn1.sellerapps.app.deskbridge-journeys&state=");
        return url;
    }

    /**
     * The selling partner signs in to (simulated) Seller Central as {@value #PARTNER} and confirms: the redirect it
     * answers with, as the API path and query the browser follows.
     */
    private static String consentRedirect(String consentUrl) throws IOException, InterruptedException {
        HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(URI.create(consentUrl + "&selling_partner_id="
                + URLEncoder.encode(PARTNER, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
        URI location = URI.create(r.headers().firstValue("Location").orElseThrow());
        assertThat(location.getRawPath()).isEqualTo("/onboarding/amazon/callback");
        assertThat(location.getPort()).isEqualTo(system.api().getPort());
        return location.getRawPath() + "?" + location.getRawQuery();
    }

    private static JsonNode simulator(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(system.spApi().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Api.JSON.readTree(r.body());
    }
}
