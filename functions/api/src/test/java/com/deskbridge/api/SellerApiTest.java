package com.deskbridge.api;

import static com.deskbridge.api.ApiTestStack.agent;
import static com.deskbridge.api.ApiTestStack.json;
import static com.deskbridge.api.ApiTestStack.lead;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Onboarding through the API function as template.yaml wires it, on DynamoDB Local: POST /sellers, GET /sellers/{id}. */
class SellerApiTest {
    private static ApiTestStack api;
    private static final long N = System.nanoTime();

    @BeforeAll
    static void start() {
        api = new ApiTestStack("sellers");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** An operator's access token as the template's user pool issues it (the operator group). */
    static Map<String, String> operator() {
        return Map.of("sub", "operator-7", "cognito:groups", "[operator]", "token_use", "access"); // no seller_id: operators need none
    }

    static String registration(String seller, String alias) {
        return """
                {"sellerId":"%s","marketplaces":["A1PA6795UKMFR9","A1RKKUPIHCS9HS"],"region":"eu",
                 "timeZone":"Europe/Madrid","mailAlias":"%s"}""".formatted(seller, alias);
    }

    private static APIGatewayV2HTTPResponse post(Map<String, String> claims, String body) {
        return api.call("POST /sellers", claims, null, null, Map.of("content-type", "application/json"), body);
    }

    @Test
    void anOperatorRegistersASellerWhoseAgentsSeeIt() {
        String seller = "onboard-" + N;
        APIGatewayV2HTTPResponse created = post(operator(), registration(seller, "Tienda-" + N));
        assertThat(created.getStatusCode()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.path("mailAlias").asText()).isEqualTo("tienda-" + N);
        assertThat(body.path("registeredBy").asText()).isEqualTo("operator-7");

        JsonNode shown = json(api.call("GET /sellers/{id}", agent(seller, "agent-1"), Map.of("id", seller), null, null, null));
        assertThat(shown.path("marketplaces").toString()).isEqualTo("[\"A1PA6795UKMFR9\",\"A1RKKUPIHCS9HS\"]");
        assertThat(shown.path("timeZone").asText()).isEqualTo("Europe/Madrid");
        assertThat(api.call("GET /sellers/{id}", operator(), Map.of("id", seller), null, null, null).getStatusCode())
                .isEqualTo(200);
        assertThat(api.call("GET /sellers/{id}", agent("someone-else", "agent-2"), Map.of("id", seller), null, null, null)
                .getStatusCode()).as("another seller's agent").isEqualTo(404);
    }

    @Test
    void aSecondSellerCannotTakeTheAliasAndNothingOfItIsWritten() {
        assertThat(post(operator(), registration("first-" + N, "shared-" + N)).getStatusCode()).isEqualTo(201);
        APIGatewayV2HTTPResponse refused = post(operator(), registration("second-" + N, "Shared-" + N));
        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getHeaders().get("content-type")).isEqualTo("application/problem+json");
        assertThat(json(refused).path("detail").asText()).contains("belongs to another seller");
        assertThat(api.call("GET /sellers/{id}", operator(), Map.of("id", "second-" + N), null, null, null).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyAnOperatorRegistersAndBadRegistrationsAreNamed() {
        assertThat(post(lead("a-lead-seller"), registration("by-lead-" + N, "lead-" + N)).getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse bad = post(operator(), registration("tz-" + N, "tz-" + N).replace("Europe/Madrid", "Mars/Base"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(json(bad).toString()).contains("timeZone");
        assertThat(post(operator(), registration("al-" + N, "-no-")).getStatusCode()).isEqualTo(400);
        assertThat(post(operator(), "{\"sellerId\":\"x\",\"password\":\"p\"}").getStatusCode()).isEqualTo(400);
        assertThat(api.call("GET /sellers/{id}", operator(), Map.of("id", "by-lead-" + N), null, null, null).getStatusCode())
                .isEqualTo(404);
    }

    private static APIGatewayV2HTTPResponse putCarrier(Map<String, String> claims, String seller, String carrier, String body) {
        return api.call("PUT /sellers/{id}/carriers/{carrier}", claims, Map.of("id", seller, "carrier", carrier), null,
                Map.of("content-type", "application/json"), body);
    }

    @Test
    void carrierCredentialsAreRefusedBeforeAnyCarrierIsAskedWhenTheyCannotBeRight() {
        String seller = "carriers-" + N;
        assertThat(post(operator(), registration(seller, "carriers-" + N)).getStatusCode()).isEqualTo(201);
        String ups = "{\"clientId\":\"id-1\",\"clientSecret\":\"top-secret-value\"}";

        assertThat(putCarrier(agent(seller, "agent-1"), seller, "ups", ups).getStatusCode()).as("agents may not").isEqualTo(403);
        assertThat(putCarrier(lead("another-seller"), seller, "ups", ups).getStatusCode()).as("another seller's lead").isEqualTo(404);
        APIGatewayV2HTTPResponse unknown = putCarrier(lead(seller), seller, "gls", ups);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(json(unknown).path("type").asText()).isEqualTo("urn:deskbridge:problem:carrier-not-found");
        APIGatewayV2HTTPResponse missing = putCarrier(lead(seller), seller, "ups", "{\"clientId\":\"id-1\"}");
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(json(missing).path("field").asText()).isEqualTo("clientSecret");
        APIGatewayV2HTTPResponse foreign = putCarrier(lead(seller), seller, "dhl", ups);
        assertThat(foreign.getStatusCode()).isEqualTo(400);
        assertThat(json(foreign).path("field").asText()).isEqualTo("clientId");
        assertThat(foreign.getBody()).as("no value is echoed").doesNotContain("top-secret-value");
        APIGatewayV2HTTPResponse notText = putCarrier(lead(seller), seller, "dhl", "{\"apiKey\":42}");
        assertThat(json(notText).path("field").asText()).isEqualTo("apiKey");
        assertThat(putCarrier(lead(seller), seller, "dhl", "{\"apiKey\":\"k\",\"token\":\"t\"}").getStatusCode()).isEqualTo(400);

        JsonNode list = json(api.call("GET /sellers/{id}/carriers", agent(seller, "agent-1"), Map.of("id", seller), null, null, null));
        assertThat(list.path("items")).extracting(i -> i.path("carrier").asText())
                .containsExactly("dhl", "ups", "fedex", "usps", "dpd", "aggregator");
        assertThat(list.path("items")).as("nothing was stored or checked").allSatisfy(i -> {
            assertThat(i.path("ownCredentials").asBoolean()).isFalse();
            assertThat(i.has("lastCheck")).isFalse();
        });
        assertThat(api.call("GET /sellers/{id}/carriers", operator(), Map.of("id", seller), null, null, null).getStatusCode())
                .isEqualTo(200);
        assertThat(api.call("GET /sellers/{id}/carriers", agent("someone-else", "a"), Map.of("id", seller), null, null, null)
                .getStatusCode()).isEqualTo(404);
    }
}
