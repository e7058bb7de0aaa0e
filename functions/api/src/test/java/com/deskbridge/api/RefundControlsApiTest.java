package com.deskbridge.api;

import static com.deskbridge.api.ApiTestStack.agent;
import static com.deskbridge.api.ApiTestStack.json;
import static com.deskbridge.api.ApiTestStack.lead;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seller's money controls through the API function on DynamoDB Local: the lead-only setting with every invalid
 * field named, and the approval routes' refusals (the approval flow itself runs in the journeys against the SP-API
 * simulator, and in MoneyControlsTest).
 */
class RefundControlsApiTest {
    private static ApiTestStack api;

    @BeforeAll
    static void start() {
        api = new ApiTestStack("refund-controls");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static APIGatewayV2HTTPResponse put(Map<String, String> claims, String body) {
        return api.call("PUT /refund-controls", claims, null, null, Map.of(), body);
    }

    private static void problem(APIGatewayV2HTTPResponse r, int status, String type, String field) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(json(r).get("type").asText()).as(r.getBody()).isEqualTo("urn:deskbridge:problem:" + type);
        if (field != null) {
            assertThat(json(r).path("field").asText()).as(r.getBody()).isEqualTo(field);
        }
    }

    @Test
    void aLeadSetsTheControlsAnAgentReadsThemAndCannotChangeThem() {
        String seller = "controls-" + System.nanoTime();
        APIGatewayV2HTTPResponse defaults = api.call("GET /refund-controls", agent(seller, "a"), null, null, Map.of(), null);
        assertThat(defaults.getStatusCode()).isEqualTo(200);
        assertThat(json(defaults).get("default").asBoolean()).isTrue();
        assertThat(json(defaults).at("/refundControls/dailyCount").asInt()).isEqualTo(50);

        String controls = "{\"approvalThresholds\":{\"EUR\":\"100.00\"},\"dailyCount\":5,\"dailyAmounts\":{\"EUR\":\"400\"},\"alertPerHour\":3}";
        problem(put(agent(seller, "a"), controls), 403, "forbidden", null);
        APIGatewayV2HTTPResponse saved = put(lead(seller), controls);
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        APIGatewayV2HTTPResponse read = api.call("GET /refund-controls", agent(seller, "a"), null, null, Map.of(), null);
        assertThat(json(read).get("default").asBoolean()).isFalse();
        assertThat(json(read).at("/refundControls/approvalThresholds/EUR").asText()).isEqualTo("100.00");
        assertThat(json(read).at("/refundControls/dailyCount").asInt()).isEqualTo(5);
        assertThat(json(api.call("GET /refund-controls", agent("other-" + seller, "a"), null, null, Map.of(), null))
                .get("default").asBoolean()).as("another tenant's controls are its own").isTrue();
    }

    @Test
    void invalidControlsAreRefusedNamingTheFieldAndChangeNothing() {
        String seller = "bad-controls-" + System.nanoTime();
        problem(put(lead(seller), "{\"approvalThresholds\":{\"EUR\":100}}"), 400, "invalid-parameter", "approvalThresholds.EUR");
        problem(put(lead(seller), "{\"approvalThresholds\":{\"EUR\":\"1E2\"}}"), 400, "invalid-parameter", "approvalThresholds.EUR");
        problem(put(lead(seller), "{\"dailyAmounts\":{\"eur\":\"10\"}}"), 400, "invalid-parameter", "dailyAmounts.eur");
        problem(put(lead(seller), "{\"dailyCount\":-1}"), 400, "invalid-parameter", "dailyCount");
        problem(put(lead(seller), "{\"alertPerHour\":0}"), 400, "invalid-parameter", "alertPerHour");
        problem(put(lead(seller), "{\"unlimited\":true}"), 400, "invalid-parameter", "unlimited");
        problem(put(lead(seller), "{\"dailyCount\":1,\"dailyCount\":900}"), 400, "invalid-parameter", "body");
        assertThat(json(api.call("GET /refund-controls", lead(seller), null, null, Map.of(), null)).get("default").asBoolean()).isTrue();
    }

    @Test
    void onlyALeadDecidesAndOnlyAboutAnActionOfTheTicket() {
        String seller = "approve-" + System.nanoTime();
        TicketId id = api.receive(new InboundMessage(Channel.AMAZON, new SellerId(seller), "A1PA6795UKMFR9", "x-1", null,
                "028-6660001-0000001", new Sender("k3j4h5@marketplace.amazon.de", "Jana"), "Erstattung", "Bitte erstatten",
                false, List.of(), Instant.now().minusSeconds(60)));
        Map<String, String> path = Map.of("id", id.value(), "actionId", "0000000000000000000000000000");
        problem(api.call("POST /tickets/{id}/actions/{actionId}/approve", agent(seller, "a"), path, null, Map.of(), null),
                403, "forbidden", null);
        problem(api.call("POST /tickets/{id}/actions/{actionId}/approve", lead(seller), path, null, Map.of(), null),
                404, "action-not-found", null);
        problem(api.call("POST /tickets/{id}/actions/{actionId}/reject", lead("other-" + seller), path, null, Map.of(), null),
                404, "ticket-not-found", null);
    }

    @Test
    void settingsWritesAreLimitedPerAgentAndPerSellerWith429AndRetryAfter() {
        String seller = "limits-" + System.nanoTime();
        startOfAMinute();
        String body = "{\"dailyCount\":40}";
        java.util.function.IntFunction<Map<String, String>> leadNo = n -> Map.of("seller_id", seller, "sub", "lead-" + n,
                "roles", "[agent lead]");
        int agentLimit = ApiLimits.Kind.SETTINGS.perAgent;
        int sellerLimit = ApiLimits.Kind.SETTINGS.perSeller;
        for (int i = 0; i < agentLimit; i++) {
            assertThat(put(leadNo.apply(0), body).getStatusCode()).isEqualTo(200);
        }
        APIGatewayV2HTTPResponse limited = put(leadNo.apply(0), body);
        problem(limited, 429, "rate-limited", null);
        assertThat(Integer.parseInt(limited.getHeaders().get("retry-after"))).isBetween(1, 60);
        assertThat(json(limited).get("detail").asText()).contains("lead-0").contains(Integer.toString(agentLimit));

        assertThat(put(leadNo.apply(1), body).getStatusCode()).as("another agent of the seller").isEqualTo(200);
        assertThat(put(lead("other-" + seller), body).getStatusCode()).as("another seller").isEqualTo(200);
        int sellerTaken = agentLimit + 1;
        int agent = 2;
        int agentTaken = 0;
        while (sellerTaken < sellerLimit) {
            if (agentTaken == agentLimit) {
                agent++;
                agentTaken = 0;
            }
            assertThat(put(leadNo.apply(agent), body).getStatusCode()).isEqualTo(200);
            agentTaken++;
            sellerTaken++;
        }
        APIGatewayV2HTTPResponse sellerLimited = put(leadNo.apply(99), body);
        problem(sellerLimited, 429, "rate-limited", null);
        assertThat(json(sellerLimited).get("detail").asText()).contains("this seller's agents");
    }

    /** The limits count in one-minute windows of the system clock: begin this test early in one, so that all of it falls in it. */
    private static void startOfAMinute() {
        long second = java.time.Instant.now().getEpochSecond() % 60;
        if (second > 20) {
            try {
                Thread.sleep((60 - second) * 1000L + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
