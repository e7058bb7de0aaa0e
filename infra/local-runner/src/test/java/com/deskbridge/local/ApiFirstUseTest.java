package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's first-use failures, as a new seller (not demo-seller) meets them on the running local system: a message
 * on the intake queue, its order context from the SP-API and carrier simulators, and the HTTP API through the JWT
 * authorizer.
 */
class ApiFirstUseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String ORDER = "028-4711001-0000001";
    private static LocalRunner system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    private static String token(String seller, String... roles) {
        return system.api().issuer().mint("agent-first-use", Map.of("seller_id", seller,
                "roles", roles.length == 0 ? List.of("agent") : List.of(roles)), Duration.ofMinutes(10));
    }

    private static String ticketAbout(String seller, String order) throws Exception {
        system.stack().sqsClient().sendMessage(m -> m.queueUrl(system.stack().queueUrl("IntakeQueue")).messageBody("""
                {"version":1,"type":"channel-message","channel":"amazon","sellerId":"%s","marketplaceId":"A1PA6795UKMFR9",
                 "externalMessageId":"first-use-1","orderId":"%s",
                 "sender":{"address":"k3j4h5@marketplace.amazon.de","displayName":"Jana Schmidt"},
                 "subject":"Frage zu meiner Bestellung","body":"Wo ist mein Paket?","receivedAt":"2026-11-21T09:15:00Z"}"""
                .formatted(seller, order)));
        JsonNode items = RunningSystem.await(() -> get("/tickets?status=open", token(seller)).path("items"),
                i -> i.size() == 1, LIMIT);
        assertThat(items).hasSize(1);
        return items.get(0).get("id").asText();
    }

    private static JsonNode get(String path, String token) {
        try {
            return JSON.readTree(RunningSystem.get(path, token).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.api().baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return RunningSystem.send(request.build());
    }

    /** Issue 10 item 3: a refund or cancellation for a seller who never authorised SP-API was a 500. */
    @Test
    void refundsAndCancellationsForASellerWithoutSpApiAccessSayTheAccountIsNotConnected() throws Exception {
        String seller = "no-spapi-" + System.nanoTime();
        String id = ticketAbout(seller, ORDER);
        // the shared local system authorises every seller by default (README); this seller must be one that never did
        system.world().grantSpApiToEverySeller(LocalRunner.SPAPI_SECRET_PREFIX, false);
        HttpResponse<String> refund;
        HttpResponse<String> cancel;
        try {
            refund = send("POST", "/tickets/" + id + "/refunds", token(seller), "first-use-refund-1",
                    "{\"orderId\":\"" + ORDER + "\",\"reason\":\"CustomerReturn\",\"full\":true}");
            cancel = send("POST", "/tickets/" + id + "/cancellation", token(seller), "first-use-cancel-1",
                    "{\"orderId\":\"" + ORDER + "\",\"reason\":\"BuyerCanceled\"}");
        } finally {
            system.world().grantSpApiToEverySeller(LocalRunner.SPAPI_SECRET_PREFIX, true);
        }
        for (HttpResponse<String> r : List.of(refund, cancel)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.get("type").asText()).isEqualTo("urn:deskbridge:problem:amazon-account-not-connected");
            assertThat(problem.get("detail").asText()).contains("Amazon account is not connected");
        }
        assertThat(get("/tickets/" + id + "/actions", token(seller)).get("actions")).as("nothing recorded").isEmpty();
    }

    /**
     * Issue 10 items 1 and 5: the ticket's order items carry what a partial refund names (id, quantity, price, the
     * order's currency); a partial refund without a currency is in the order's and shows its amount; then every
     * built-in macro renders from the live order, tracking and refund.
     */
    @Test
    void aPartialRefundFromTheTicketsItemsAndEveryBuiltInMacroWithLiveData() throws Exception {
        String seller = "first-use-" + System.nanoTime();
        system.world().grantSpApi(LocalRunner.SPAPI_SECRET_PREFIX, seller);
        String id = ticketAbout(seller, ORDER);
        JsonNode ticket = RunningSystem.await(() -> get("/tickets/" + id, token(seller)),
                t -> t.path("enrichment").path("state").asText().matches("COMPLETE|PARTIAL|FAILED"), LIMIT);
        assertThat(ticket.get("enrichment").get("state").asText()).as(ticket.toString()).isIn("COMPLETE", "PARTIAL");
        JsonNode item = ticket.get("order").get("items").get(0);
        assertThat(item.get("orderItemId").asText()).isEqualTo("40211100000001");
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
        assertThat(item.get("itemPrice").get("amount").asText()).isEqualTo("25.00");
        assertThat(item.get("itemPrice").get("currency").asText()).isEqualTo("EUR");
        assertThat(ticket.get("order").get("currency").asText()).isEqualTo("EUR");

        // issue 12: from a ticket about one order, another order of the same seller was refunded
        HttpResponse<String> unrelated = send("POST", "/tickets/" + id + "/refunds", token(seller), "first-use-unrelated-1",
                "{\"orderId\":\"028-4711002-0000002\",\"reason\":\"CustomerReturn\",\"full\":true}");
        assertThat(unrelated.statusCode()).as(unrelated.body()).isEqualTo(422);
        assertThat(JSON.readTree(unrelated.body()).get("type").asText()).isEqualTo("urn:deskbridge:problem:order-mismatch");
        assertThat(get("/tickets/" + id + "/actions", token(seller)).get("actions")).isEmpty();

        HttpResponse<String> refund = send("POST", "/tickets/" + id + "/refunds", token(seller), "first-use-partial-1",
                "{\"orderId\":\"" + ORDER + "\",\"reason\":\"CustomerReturn\",\"lines\":[{\"orderItemId\":\""
                        + item.get("orderItemId").asText() + "\",\"quantity\":1,\"components\":[{\"component\":\"PRINCIPAL\","
                        + "\"amount\":\"12.50\"}]}]}");
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(202);
        JsonNode action = JSON.readTree(refund.body());
        assertThat(action.get("amount").get("amount").asText()).isEqualTo("12.50");
        assertThat(action.get("amount").get("currency").asText()).isEqualTo("EUR");

        HttpResponse<String> settings = send("PUT", "/reply-settings", token(seller, "agent", "lead"), null,
                "{\"shopName\":\"Nordlicht Textil\",\"defaultLanguage\":\"de\",\"carrierLinks\":true}");
        assertThat(settings.statusCode()).as(settings.body()).isEqualTo(200);
        JsonNode macros = get("/macros", token(seller)).get("items");
        assertThat(macros.size()).isGreaterThanOrEqualTo(8);
        for (JsonNode macro : macros) {
            String macroId = macro.get("id").asText();
            HttpResponse<String> rendered = send("POST", "/tickets/" + id + "/macros/" + macroId + "/render", token(seller),
                    null, "{\"language\":\"de\"}");
            assertThat(rendered.statusCode()).as(macroId + ": " + rendered.body()).isEqualTo(200);
            assertThat(JSON.readTree(rendered.body()).get("text").asText()).as(macroId).doesNotContain("{{")
                    .contains(ORDER).contains("Nordlicht Textil");
        }
    }
}
