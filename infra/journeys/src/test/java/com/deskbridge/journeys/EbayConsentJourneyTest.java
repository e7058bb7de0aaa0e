package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Connecting a seller's eBay account by eBay's authorization code grant, as a lead and eBay meet it: the onboarding API
 * hands out eBay's consent URL, the eBay simulator's consent page redirects back with the code, the callback exchanges
 * it, stores the seller's eBay account (refresh token in Secrets Manager) and from then on the seller's eBay orders are
 * refunded through it. The eBay user {@code journey_consent_us} exists at eBay only: the local runner stores no secret
 * for it ({@code "connected": false} in the journeys' world).
 */
class EbayConsentJourneyTest extends Journey {
    private static final String SELLER = "journey-ebay-consent";
    private static final String ORDER = "27-30000-00002";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    @DisplayName("a lead connects eBay for a new seller: consent at eBay, callback, account stored; replayed state refused; then an eBay refund for that seller works with the stored token")
    void aLeadConnectsEbayAndTheSellersEbayRefundWorks() throws Exception {
        ObjectNode operatorRequest = Api.JSON.createObjectNode().put("sub", "operator-ebay-journey");
        operatorRequest.putObject("claims").putArray("roles").add("operator");
        String operator = api.tokenWith(operatorRequest);
        Api.Response created = api.post("/sellers", operator, Map.of("sellerId", SELLER, "marketplaces", List.of("ATVPDKIKX0DER"),
                "region", "na", "timeZone", "America/New_York", "mailAlias", SELLER));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = agentToken(SELLER);
        String externalId = intake.channelMessage(token, "ebay", SELLER, "EBAY_US", "ebay-conv-consent-" + System.nanoTime(), ORDER,
                "journey_consent_buyer", "Broken mug", "The mug arrived broken, please refund me.");
        String id = ticketWithMessage(token, externalId).path("id").asText();
        Map<String, Object> full = Map.of("orderId", ORDER, "reason", "CustomerReturn", "full", true);
        refused(token, "a refund of the eBay order before eBay is connected", () -> api.post("/tickets/" + id + "/refunds", token,
                full, "journey-consent-early-" + System.nanoTime()));

        assertThat(api.get("/sellers/" + SELLER + "/ebay/authorize", token).status()).as("an agent is neither operator nor lead")
                .isEqualTo(403);
        Api.Response authorize = api.get("/sellers/" + SELLER + "/ebay/authorize", leadToken(SELLER));
        assertThat(authorize.status()).as(authorize.toString()).isEqualTo(200);
        String consentUrl = authorize.json().path("consentUrl").asText();
        assertThat(consentUrl).startsWith(JourneySystem.ebay().baseUrl() + "/oauth2/authorize?client_id=")
                .contains("response_type=code").contains("&state=");

        // the seller signs in at eBay as journey_consent_us and agrees; eBay redirects to the RuName's accept URL
        HttpResponse<String> consent = BROWSER.send(HttpRequest.newBuilder(URI.create(consentUrl + "&sim_user=journey_consent_us"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(302);
        String query = URI.create(consent.headers().firstValue("location").orElseThrow()).getRawQuery();
        Api.Response connected = api.get("/onboarding/ebay/callback?" + query, null);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);
        JsonNode ebay = connected.json().path("ebay");
        assertThat(ebay.path("status").asText()).isEqualTo("connected");
        assertThat(ebay.path("username").asText()).isEqualTo("journey_consent_us");
        assertThat(ebay.path("marketplaceId").asText()).isEqualTo("EBAY_US");
        assertThat(connected.body()).doesNotContainIgnoringCase("refresh");
        Api.Response replayed = api.get("/onboarding/ebay/callback?" + query, null);
        assertThat(replayed.status()).as("the state works once").isEqualTo(400);
        assertThat(replayed.json().path("type").asText()).endsWith("ebay-state-refused");

        // the stored account is the seller's eBay channel: the refund goes to eBay with the new token
        Api.Response accepted = api.post("/tickets/" + id + "/refunds", token, full, "journey-consent-refund-" + System.nanoTime());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode done = finalAction(token, id, accepted.json().path("actionId").asText());
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("channel").path("name").asText()).isEqualTo("ebay");
        assertThat(JourneySystem.ebay().refunds(ORDER)).containsExactly(new java.math.BigDecimal("15.00"));
    }
}
