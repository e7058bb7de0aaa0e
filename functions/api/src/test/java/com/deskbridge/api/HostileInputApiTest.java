package com.deskbridge.api;

import com.deskbridge.enrichment.DynamoDbTicketEnrichmentStore;
import static com.deskbridge.api.ApiTestStack.agent;
import static com.deskbridge.api.ApiTestStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.enrichment.EnrichmentState;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.enrichment.TicketEnrichmentStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's API failures, each reproduced through the API function on DynamoDB Local: actions for an order that is
 * not the ticket's, money outside the documented grammar, parser differentials (duplicate members, trailing content),
 * invisible and control characters in stored text, lenient claims, a reply key reused with another text.
 */
class HostileInputApiTest {
    private static final String ORDER = "028-6660001-0000001";
    private static ApiTestStack api;

    @BeforeAll
    static void start() {
        api = new ApiTestStack("hostile-input");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static TicketId ticket(String seller) {
        return api.receive(new InboundMessage(Channel.AMAZON, new SellerId(seller), "A1PA6795UKMFR9", "x-1", null, ORDER,
                new Sender("k3j4h5@marketplace.amazon.de", "Jana"), "Paket", "Wo ist mein Paket?", false, List.of(),
                Instant.now().minusSeconds(60)));
    }

    private static APIGatewayV2HTTPResponse post(String route, Map<String, String> claims, TicketId id, String key, String body) {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return api.call(route, claims, id == null ? null : Map.of("id", id.value()), null, headers, body);
    }

    private static void problem(APIGatewayV2HTTPResponse r, int status, String type, String field) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(json(r).get("type").asText()).as(r.getBody()).isEqualTo("urn:deskbridge:problem:" + type);
        if (field != null) {
            assertThat(json(r).path("field").asText()).as(r.getBody()).isEqualTo(field);
        }
    }

    /** Item 3: from a ticket about one order, another order of the same seller was fully refunded. */
    @Test
    void aRefundOrCancellationMustBeForTheTicketsOrderOrOneInItsOrderContext() {
        String seller = "scope-" + System.nanoTime();
        TicketId id = ticket(seller);
        new DynamoDbTicketEnrichmentStore(api.stack.dynamoDbClient(), api.table).write(seller, id.value(), new TicketEnrichment(
                EnrichmentState.COMPLETE, "", Instant.now(), "028-6660001-0000002", "A1PA6795UKMFR9", null, null, List.of(), null));
        APIGatewayV2HTTPResponse refund = post("POST /tickets/{id}/refunds", agent(seller, "a"), id, "scope-refund-1",
                "{\"orderId\":\"028-6669999-0000009\",\"reason\":\"CustomerReturn\",\"full\":true}");
        problem(refund, 422, "order-mismatch", "orderId");
        assertThat(json(refund).get("detail").asText()).contains(ORDER).contains("028-6660001-0000002");
        problem(post("POST /tickets/{id}/cancellation", agent(seller, "a"), id, "scope-cancel-1",
                "{\"orderId\":\"028-6669999-0000009\",\"reason\":\"BuyerCanceled\"}"), 422, "order-mismatch", "orderId");
        assertThat(api.ticket(agent(seller, "a"), id).get("actions")).isEmpty();
    }

    /** Items 4: amounts, booleans and quantities as the contract documents them; no unknown member anywhere. */
    @Test
    void moneyFollowsTheDocumentedGrammarOnTheRawTextAndNoUnknownMemberIsAccepted() {
        String seller = "money-" + System.nanoTime();
        TicketId id = ticket(seller);
        int n = 0;
        for (String amount : List.of("\"1E-2\"", "\"+1.00\"", "\" 1.00\"", "\"1.\"", "\".5\"", "\"\u0661.00\"", "\"\uFF11.00\"", "1.00")) {
            APIGatewayV2HTTPResponse r = post("POST /tickets/{id}/refunds", agent(seller, "a"), id, "money-key-" + n++,
                    "{\"orderId\":\"" + ORDER + "\",\"reason\":\"CustomerReturn\",\"lines\":[{\"orderItemId\":\"1\",\"quantity\":1,"
                            + "\"components\":[{\"component\":\"PRINCIPAL\",\"amount\":" + amount + ",\"currency\":\"EUR\"}]}]}");
            problem(r, 422, "action-unreadable", "lines[0].components[0].amount");
        }
        problem(post("POST /tickets/{id}/refunds", agent(seller, "a"), id, "money-key-full",
                "{\"orderId\":\"" + ORDER + "\",\"reason\":\"CustomerReturn\",\"full\":\"true\"}"), 422, "action-unreadable", "full");
        problem(post("POST /tickets/{id}/refunds", agent(seller, "a"), id, "money-key-nested",
                "{\"orderId\":\"" + ORDER + "\",\"reason\":\"CustomerReturn\",\"lines\":[{\"orderItemId\":\"1\",\"components\":"
                        + "[{\"component\":\"PRINCIPAL\",\"amount\":\"1.00\",\"note\":\"x\"}]}]}"),
                400, "invalid-parameter", "lines[0].components[0].note");
        problem(post("POST /tickets/{id}/refunds", agent(seller, "a"), id, "money-key-line",
                "{\"orderId\":\"" + ORDER + "\",\"reason\":\"CustomerReturn\",\"lines\":[{\"orderItemId\":\"1\",\"sku\":\"x\"}]}"),
                400, "invalid-parameter", "lines[0].sku");
        assertThat(api.ticket(agent(seller, "a"), id).get("actions")).isEmpty();
    }

    /** Item 5: duplicate members and trailing content, in route bodies and settings documents. */
    @Test
    void duplicateMembersAndTrailingContentAreRefusedInEveryBodyAndSettingsDocument() {
        String seller = "parser-" + System.nanoTime();
        TicketId id = ticket(seller);
        for (String body : List.of("{\"text\":\"Hello\",\"text\":\"Goodbye\"}", "{\"text\":\"Hello\"} trailing",
                "{\"text\":\"Hello\"}{\"text\":\"again\"}", "{\"text\":\"Hello\"}]")) {
            problem(post("POST /tickets/{id}/replies", agent(seller, "a"), id, "parser-reply-1", body), 400, "malformed-body", null);
            problem(post("POST /tickets/{id}/notes", agent(seller, "a"), id, null, body), 400, "malformed-body", null);
        }
        problem(post("POST /tickets/{id}/refunds", agent(seller, "a"), id, "parser-refund-1",
                "{\"orderId\":\"" + ORDER + "\",\"orderId\":\"028-1-2\",\"reason\":\"CustomerReturn\",\"full\":true}"),
                400, "malformed-body", null);
        assertThat(api.ticket(agent(seller, "a"), id).get("messages")).hasSize(1);
        for (String route : List.of("PUT /reply-settings", "PUT /tag-rules", "PUT /sla-policy")) {
            String valid = switch (route) {
                case "PUT /reply-settings" -> "{\"shopName\":\"Nordlicht\"}";
                case "PUT /tag-rules" -> "{\"rules\":[]}";
                default -> "{\"timeZone\":\"Europe/Berlin\"}";
            };
            String member = valid.substring(1, valid.indexOf(':'));
            String duplicate = valid.substring(0, valid.length() - 1) + "," + member + ":" + valid.substring(valid.indexOf(':') + 1);
            problem(api.call(route, ApiTestStack.lead(seller), null, null, null, duplicate), 400, "invalid-parameter", "body");
            problem(api.call(route, ApiTestStack.lead(seller), null, null, null, valid + " {}"), 400, "invalid-parameter", "body");
        }
    }

    /** Item 7: NUL, bidi overrides and zero-width characters in what agents and leads store. */
    @Test
    void controlAndBidiCharactersInStoredTextAreRefusedWithTheFieldNamed() {
        String seller = "bidi-" + System.nanoTime();
        TicketId id = ticket(seller);
        problem(api.call("PUT /reply-settings", ApiTestStack.lead(seller), null, null, null,
                "{\"shopName\":\"Nordlicht\u202ElitxeT\"}"), 400, "invalid-parameter", "shopName");
        problem(api.call("PUT /reply-settings", ApiTestStack.lead(seller), null, null, null,
                "{\"macros\":[{\"id\":\"hi\",\"name\":\"Hel\u200Blo\",\"bodies\":{\"en\":\"Hello {{CustomerName}}\"}}]}"),
                400, "invalid-parameter", "macros[0].name");
        problem(api.call("PUT /reply-settings", ApiTestStack.lead(seller), null, null, null,
                "{\"macros\":[{\"id\":\"hi\",\"name\":\"Hello\",\"bodies\":{\"en\":\"Hello \\u0000{{CustomerName}}\"}}]}"),
                400, "invalid-parameter", "macros[0].bodies.en");
        problem(api.call("PUT /tag-rules", ApiTestStack.lead(seller), null, null, null,
                "{\"rules\":[{\"name\":\"war\u2066ranty\",\"kind\":\"KEYWORD\",\"pattern\":\"warranty\",\"tag\":\"warranty\"}]}"),
                400, "invalid-parameter", "rules[0].name");
        problem(post("POST /tickets/{id}/replies", agent(seller, "a"), id, "bidi-reply-1",
                "{\"text\":\"Refund of 10\u202E00.1 EUR\"}"), 400, "invalid-parameter", "text");
        problem(post("POST /tickets/{id}/notes", agent(seller, "a"), id, null, "{\"text\":\"call\\u0000back\"}"),
                400, "invalid-parameter", "text");
        JsonNodeAssert.defaultSettings(api.call("GET /reply-settings", agent(seller, "a"), null, null, null, null));
    }

    /** Item 8: the tenant and the lead role from strictly typed claims; a write needs the agent. */
    @Test
    void claimsAreStrictAndEveryWriteNeedsTheAgent() {
        String seller = "claims-" + System.nanoTime();
        TicketId id = ticket(seller);
        for (String fake : List.of("12345", "true", "false", "[demo-seller]", "map[a:b]", "<nil>")) {
            problem(api.call("GET /tickets", Map.of("seller_id", fake, "sub", "a"), null, null, null, null), 403, "no-seller", null);
        }
        for (String roles : List.of("agent,lead", "[lead ]", "[[lead]]", "[agent  lead]", "[lead x]", "lead")) {
            problem(api.call("GET /metrics/sla", Map.of("seller_id", seller, "sub", "l", "roles", roles), null, null, null, null),
                    403, "invalid-roles", null);
        }
        assertThat(api.call("GET /metrics/sla", Map.of("seller_id", seller, "sub", "l", "roles", "[agent lead]"), null, null,
                null, null).getStatusCode()).isEqualTo(200);
        // the template's Cognito user pool: roles from cognito:groups; an ID token is refused; two role claims are ambiguous
        assertThat(api.call("GET /metrics/sla", Map.of("seller_id", seller, "sub", "l", "cognito:groups", "[agent lead]",
                "token_use", "access"), null, null, null, null).getStatusCode()).isEqualTo(200);
        problem(api.call("GET /metrics/sla", Map.of("seller_id", seller, "sub", "l", "cognito:groups", "[agent]",
                "token_use", "access"), null, null, null, null), 403, "forbidden", null);
        problem(api.call("GET /tickets", Map.of("seller_id", seller, "sub", "l", "cognito:groups", "[agent lead]",
                "token_use", "id"), null, null, null, null), 403, "not-an-access-token", null);
        problem(api.call("GET /metrics/sla", Map.of("seller_id", seller, "sub", "l", "cognito:groups", "[agent]",
                "roles", "[lead]"), null, null, null, null), 403, "invalid-roles", null);
        problem(api.call("GET /metrics/sla", Map.of("seller_id", seller, "sub", "l", "cognito:groups", "[agent,lead]"),
                null, null, null, null), 403, "invalid-roles", null);
        Map<String, String> noSub = Map.of("seller_id", seller, "roles", "[agent lead]");
        assertThat(api.call("GET /tickets/{id}", noSub, Map.of("id", id.value()), null, null, null).getStatusCode())
                .as("reading needs no agent").isEqualTo(200);
        problem(post("POST /tickets/{id}/assign", noSub, id, null, "{\"assignee\":\"a\"}"), 403, "no-agent", null);
        problem(post("POST /tickets/{id}/tags", noSub, id, null, "{\"add\":[\"vip\"]}"), 403, "no-agent", null);
        problem(post("POST /tickets/{id}/refunds", noSub, id, "claims-refund-1",
                "{\"orderId\":\"" + ORDER + "\",\"reason\":\"CustomerReturn\",\"full\":true}"), 403, "no-agent", null);
        problem(api.call("PUT /reply-settings", noSub, null, null, null, "{\"shopName\":\"X\"}"), 403, "no-agent", null);
        problem(api.call("PUT /tag-rules", noSub, null, null, null, "{\"rules\":[]}"), 403, "no-agent", null);
        JsonNodeAssert.defaultSettings(api.call("GET /reply-settings", noSub, null, null, null, null));
        assertThat(api.ticket(noSub, id).has("tags") ? api.ticket(noSub, id).get("tags").toString() : "[]")
                .doesNotContain("vip");
    }

    /** Item 9: a reply key reused with another text was answered 202 and the new text dropped. */
    @Test
    void aReplyIdempotencyKeyReusedWithAnotherTextIsA422() {
        String seller = "replykey-" + System.nanoTime();
        TicketId id = ticket(seller);
        String first = "{\"text\":\"Your parcel left today with DHL.\"}";
        assertThat(post("POST /tickets/{id}/replies", agent(seller, "a"), id, "replykey-0001", first).getStatusCode()).isEqualTo(202);
        APIGatewayV2HTTPResponse again = post("POST /tickets/{id}/replies", agent(seller, "a"), id, "replykey-0001", first);
        assertThat(again.getStatusCode()).isEqualTo(202);
        assertThat(json(again).get("reply").get("duplicate").asBoolean()).isTrue();
        problem(post("POST /tickets/{id}/replies", agent(seller, "a"), id, "replykey-0001",
                "{\"text\":\"Your parcel was handed to DHL this morning.\"}"), 422, "idempotency-key-reused", "Idempotency-Key");
        assertThat(api.ticket(agent(seller, "a"), id).get("messages")).hasSize(2);
    }

    /** Nothing was stored: the seller still has the default settings. */
    private static final class JsonNodeAssert {
        static void defaultSettings(APIGatewayV2HTTPResponse r) {
            assertThat(r.getStatusCode()).isEqualTo(200);
            assertThat(json(r).get("default").asBoolean()).as(r.getBody()).isTrue();
        }
    }
}
