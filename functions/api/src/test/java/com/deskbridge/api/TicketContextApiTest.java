package com.deskbridge.api;

import com.deskbridge.enrichment.DynamoDbTicketEnrichmentStore;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.actions.ActionState;
import com.deskbridge.actions.ActionStore;
import com.deskbridge.actions.DynamoDbActionStore;
import com.deskbridge.actions.ActionType;
import com.deskbridge.actions.OrderAction;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.enrichment.EnrichmentState;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.enrichment.TicketEnrichmentStore;
import com.deskbridge.intent.Intent;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.macros.BuiltInMacros;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an agent meets on first use, through the API function as template.yaml wires it (DynamoDB Local, ElasticMQ):
 * built-in macros filled from the ticket's order, tracking and refund; macros for every classifier intent; replies on
 * channels the outbound side cannot send; the A-to-z export of a ticket whose order could not be read.
 */
class TicketContextApiTest {
    private static final String ORDER = "028-5550001-0000001";
    private static final String TRACKING = "00340434161094042557";
    private static ApiTestStack api;
    private static LocalAwsStack stack;
    private static TicketEnrichmentStore enrichment;
    private static ActionStore actions;
    private static SecretsManagerStandIn secrets;
    private static final Instant NOW = Instant.now();

    @BeforeAll
    static void start() {
        secrets = new SecretsManagerStandIn();
        api = new ApiTestStack("ticket-context");
        stack = api.stack;
        String table = api.table;
        enrichment = new DynamoDbTicketEnrichmentStore(stack.dynamoDbClient(), table);
        actions = new DynamoDbActionStore(stack.dynamoDbClient(), table);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (secrets != null) {
            secrets.close();
        }
    }

    private static Map<String, String> agent(String seller) {
        return ApiTestStack.agent(seller, "agent-7");
    }

    private static Map<String, String> lead(String seller) {
        return ApiTestStack.lead(seller);
    }

    private static TicketId ticket(String seller, Channel channel, String orderId) {
        InboundMessage message = new InboundMessage(channel, new SellerId(seller), "A1PA6795UKMFR9", "ext-" + channel,
                null, orderId, new Sender(channel == Channel.AMAZON ? "k3j4h5@marketplace.amazon.de" : "buyer_42",
                "Jana Beispiel - Amazon Marketplace"), "Wo ist mein Paket?", "Hallo, wo ist mein Paket?", false, List.of(),
                NOW.minusSeconds(600));
        return api.receive(message);
    }

    /** The order and tracking context the enrichment function writes for an FBM order in transit with DHL. */
    private static TicketEnrichment fullContext() {
        TicketEnrichment.OrderView order = new TicketEnrichment.OrderView(ORDER, "A1PA6795UKMFR9", "SHIPPED", "FBM",
                Instant.parse("2026-11-18T10:00:00Z"), Instant.parse("2026-11-19T23:00:00Z"),
                Instant.parse("2026-11-24T12:00:00Z"),
                List.of(new TicketEnrichment.ItemView("40211100000001", "KM-CLASSIC", "Kaffeemühle Classic", 2, "49.80", "EUR")),
                "EUR", List.of(new TicketEnrichment.PackageView("DHL", TRACKING, Instant.parse("2026-11-19T15:30:00Z"))));
        TicketEnrichment.ShipmentView shipment = new TicketEnrichment.ShipmentView("DHL", TRACKING, "InTransit", "pt",
                "In transit", false, null, "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=" + TRACKING,
                false, Instant.parse("2026-11-23T12:00:00Z"), "Leipzig", NOW.minusSeconds(300), NOW.plusSeconds(3600), "carrier",
                null, List.of(), Set.of(), "fp");
        return new TicketEnrichment(EnrichmentState.COMPLETE, "", NOW, ORDER, "A1PA6795UKMFR9", order, null,
                List.of(shipment), "order-fp");
    }

    private static void refunded(String seller, TicketId ticket, String amount) {
        OrderAction refund = new OrderAction(seller, ticket.value(), OrderActionsIds.next(), ActionType.REFUND,
                ActionState.COMPLETED, ORDER, "A1PA6795UKMFR9", "agent-7", amount, "EUR", "CustomerReturn", NOW, NOW, NOW,
                null, null, "feed-1", 1L, null);
        assertThat(actions.create(refund, "ctx-refund-" + refund.actionId(), "hash", actions.ledger(seller, ORDER), NOW))
                .isEqualTo(ActionStore.Created.CREATED);
    }

    /** Time-ordered action ids for the test's refunds. */
    private static final class OrderActionsIds {
        private static long counter = 1;

        static synchronized String next() {
            return String.format("%012x%016x", NOW.toEpochMilli(), counter++);
        }
    }

    private static APIGatewayV2HTTPResponse call(String route, Map<String, String> claims, Map<String, String> pathParams,
                                                 Map<String, String> query, Map<String, String> headers, String body) {
        return api.call(route, claims, pathParams, query, headers, body);
    }

    private static JsonNode json(APIGatewayV2HTTPResponse r) {
        return ApiTestStack.json(r);
    }

    @Test
    void everyBuiltInMacroRendersFromATicketWithFullOrderTrackingAndRefundContext() throws Exception {
        String seller = "ctx-macros-" + System.nanoTime();
        TicketId id = ticket(seller, Channel.AMAZON, ORDER);
        assertThat(enrichment.write(seller, id.value(), fullContext()).outcome()).isEqualTo(TicketEnrichmentStore.Outcome.WRITTEN);
        refunded(seller, id, "24.90");
        assertThat(call("PUT /reply-settings", lead(seller), null, null, null,
                "{\"shopName\":\"Nordlicht Textil\",\"defaultLanguage\":\"de\",\"carrierLinks\":true}").getStatusCode())
                .isEqualTo(200);

        List<String> builtIns = BuiltInMacros.all().stream().map(Macro::id).toList();
        assertThat(builtIns).hasSize(10);
        for (String macro : builtIns) {
            for (String language : Arrays.stream(MacroLanguage.values()).map(MacroLanguage::code).toList()) {
                APIGatewayV2HTTPResponse r = call("POST /tickets/{id}/macros/{macroId}/render", agent(seller),
                        Map.of("id", id.value(), "macroId", macro), null, null, "{\"language\":\"" + language + "\"}");
                assertThat(r.getStatusCode()).as(macro + " " + language + ": " + r.getBody()).isEqualTo(200);
                assertThat(json(r).get("language").asText()).as("its own text, not the seller's default")
                        .isEqualTo(language);
                String text = json(r).get("text").asText();
                assertThat(text).as(macro).doesNotContain("{{").contains(ORDER).contains("Nordlicht Textil").contains("Jana Beispiel");
            }
        }
        String shipping = renderText(seller, id, BuiltInMacros.FBM_SHIPPING_UPDATE, "de");
        assertThat(shipping).contains("DHL").contains(TRACKING).contains("unterwegs").contains("19.11.2026");
        assertThat(renderText(seller, id, BuiltInMacros.FBM_SHIPPING_UPDATE_WITH_LINK, "en")).contains("https://www.dhl.de/");
        assertThat(renderText(seller, id, BuiltInMacros.RETURN_REQUEST, "en")).contains("Kaffeemühle Classic");
        assertThat(renderText(seller, id, BuiltInMacros.REFUND_CONFIRMATION, "de")).contains("24,90");
        // Dutch, Polish and Swedish buyers: the ticket's live order, tracking and refund in their own formats
        assertThat(renderText(seller, id, BuiltInMacros.FBM_SHIPPING_UPDATE, "nl")).contains("op 19-11-2026 verzonden met DHL")
                .contains("Trackingnummer: " + TRACKING).contains("Huidige status: onderweg")
                .contains("Verwachte bezorging: 23-11-2026");
        assertThat(renderText(seller, id, BuiltInMacros.FBM_SHIPPING_UPDATE, "pl")).contains("wysłany dnia 19.11.2026 przez DHL")
                .contains("Numer przesyłki: " + TRACKING).contains("Aktualny status: w drodze")
                .contains("Przewidywana dostawa: 23.11.2026");
        assertThat(renderText(seller, id, BuiltInMacros.FBM_SHIPPING_UPDATE, "sv")).contains("skickades 2026-11-19 med DHL")
                .contains("Spårningsnummer: " + TRACKING).contains("Aktuell status: på väg")
                .contains("Beräknad leverans: 2026-11-23");
        assertThat(renderText(seller, id, BuiltInMacros.REFUND_CONFIRMATION, "nl")).contains("€ 24,90");
        assertThat(renderText(seller, id, BuiltInMacros.REFUND_CONFIRMATION, "pl")).contains("24,90 €");
        assertThat(renderText(seller, id, BuiltInMacros.REFUND_CONFIRMATION, "sv")).contains("24,90 €");
        assertThat(renderText(seller, id, BuiltInMacros.RETURN_REQUEST, "pl")).contains("„Kaffeemühle Classic”");
    }

    private static String renderText(String seller, TicketId id, String macro, String language) throws Exception {
        APIGatewayV2HTTPResponse r = call("POST /tickets/{id}/macros/{macroId}/render", agent(seller),
                Map.of("id", id.value(), "macroId", macro), null, null, "{\"language\":\"" + language + "\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        return json(r).get("text").asText();
    }

    @Test
    void aValueTheTicketReallyLacksIsNamedInThe422NeverLeftBlank() throws Exception {
        String seller = "ctx-missing-" + System.nanoTime();
        TicketId id = ticket(seller, Channel.AMAZON, ORDER);
        APIGatewayV2HTTPResponse r = call("POST /tickets/{id}/macros/{macroId}/render", agent(seller),
                Map.of("id", id.value(), "macroId", BuiltInMacros.FBM_SHIPPING_UPDATE), null, null, "{}");
        assertThat(r.getStatusCode()).isEqualTo(422);
        assertThat(json(r).get("missing")).extracting(JsonNode::asText)
                .contains("SellerName", "Carrier", "TrackingNumber").doesNotContain("OrderID", "CustomerName");
    }

    @Test
    void theTicketsOrderItemsCarryIdsQuantitiesPricesAndTheOrderCurrency() throws Exception {
        String seller = "ctx-items-" + System.nanoTime();
        TicketId id = ticket(seller, Channel.AMAZON, ORDER);
        enrichment.write(seller, id.value(), fullContext());
        JsonNode view = json(call("GET /tickets/{id}", agent(seller), Map.of("id", id.value()), null, null, null));
        JsonNode item = view.get("order").get("items").get(0);
        assertThat(item.get("orderItemId").asText()).isEqualTo("40211100000001");
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
        assertThat(item.get("itemPrice").get("amount").asText()).isEqualTo("49.80");
        assertThat(item.get("itemPrice").get("currency").asText()).isEqualTo("EUR");
        assertThat(view.get("order").get("currency").asText()).isEqualTo("EUR");
        assertThat(view.get("shipments").get(0).get("shipDate").asText()).isEqualTo("2026-11-19T15:30:00Z");
    }

    @Test
    void macrosAreOfferedForEveryIntentTheClassifierNamesAndAnUnknownIntentIsA400() throws Exception {
        String seller = "ctx-intents-" + System.nanoTime();
        for (Intent intent : Intent.values()) {
            APIGatewayV2HTTPResponse r = call("GET /macros", agent(seller), null, Map.of("intent", intent.name()), null, null);
            assertThat(r.getStatusCode()).as(intent + ": " + r.getBody()).isEqualTo(200);
        }
        JsonNode returns = json(call("GET /macros", agent(seller), null, Map.of("intent", "RETURN"), null, null));
        assertThat(returns.get("items")).extracting(m -> m.get("id").asText()).containsExactly(BuiltInMacros.RETURN_REQUEST);
        APIGatewayV2HTTPResponse unknown = call("GET /macros", agent(seller), null, Map.of("intent", "RETURN_REQUEST"), null, null);
        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(json(unknown).get("field").asText()).isEqualTo("intent");
        APIGatewayV2HTTPResponse queue = call("GET /tickets", agent(seller), null, Map.of("intent", "NOPE"), null, null);
        assertThat(queue.getStatusCode()).isEqualTo(400);
        assertThat(json(queue).get("field").asText()).isEqualTo("intent");
    }

    @Test
    void aReplyOnAChannelTheSellerHasNotConfiguredIsRefusedBeforeAnythingChanges() throws Exception {
        List<String> sellers = new java.util.ArrayList<>();
        for (Channel channel : List.of(Channel.EBAY, Channel.SHOPIFY, Channel.EMAIL)) {
            String seller = "ctx-" + channel.wireName() + "-" + System.nanoTime();
            sellers.add(seller);
            TicketId id = ticket(seller, channel, "12-34567-89012");
            JsonNode before = json(call("GET /tickets/{id}", agent(seller), Map.of("id", id.value()), null, null, null));
            APIGatewayV2HTTPResponse r = call("POST /tickets/{id}/replies", agent(seller), Map.of("id", id.value()), null,
                    Map.of("Idempotency-Key", "ctx-reply-0001"), "{\"text\":\"Your parcel left today.\"}");
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(409);
            assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(json(r).get("type").asText()).isEqualTo("urn:deskbridge:problem:reply-channel-not-configured");
            assertThat(json(r).get("channel").asText()).isEqualTo(channel.wireName());
            JsonNode after = json(call("GET /tickets/{id}", agent(seller), Map.of("id", id.value()), null, null, null));
            assertThat(after.get("status").asText()).as("the clock keeps running").isEqualTo("open");
            assertThat(after.get("dueAt")).isEqualTo(before.get("dueAt"));
            assertThat(after.get("messages")).hasSize(1);
            JsonNode metrics = json(call("GET /metrics/sla", lead(seller), null, null, null, null));
            assertThat(metrics.get("overall").get("answered").asInt()).as("no first response recorded").isZero();
        }
        assertThat(stack.sqsClient().receiveMessage(m -> m.queueUrl(stack.queueUrl("OutboundQueue")).maxNumberOfMessages(10))
                .messages()).as("nothing handed to the sender").noneMatch(m -> sellers.stream().anyMatch(m.body()::contains));
    }

    @Test
    void aReplyOnAChannelTheSellerHasConfiguredIsRecordedAndHandedToTheSender() throws Exception {
        for (Channel channel : List.of(Channel.EBAY, Channel.SHOPIFY, Channel.EMAIL)) {
            String seller = "ctx-ok-" + channel.wireName() + "-" + System.nanoTime();
            if (channel == Channel.EBAY) {
                secrets.put("deskbridge/ebay/" + seller, Map.of("username", "teashop_de", "refresh_token", "r"));
            } else {
                secrets.put("deskbridge/shopify/" + seller, Map.of("shop_domain", "teashop.myshopify.com",
                        "support_address", "help@teashop.example"));
            }
            TicketId id = ticket(seller, channel, "12-34567-89012");
            APIGatewayV2HTTPResponse r = call("POST /tickets/{id}/replies", agent(seller), Map.of("id", id.value()), null,
                    Map.of("Idempotency-Key", "ctx-reply-0002"), "{\"text\":\"Your parcel left today.\"}");
            assertThat(r.getStatusCode()).as(channel + ": " + r.getBody()).isEqualTo(202);
            JsonNode after = json(call("GET /tickets/{id}", agent(seller), Map.of("id", id.value()), null, null, null));
            assertThat(after.get("messages")).hasSize(2);
        }
    }

    @Test
    void theClaimExportOfATicketWhoseOrderLookupFailedIsAProblemNotA500() throws Exception {
        String seller = "ctx-claim-" + System.nanoTime();
        TicketId id = ticket(seller, Channel.AMAZON, ORDER);
        enrichment.write(seller, id.value(), new TicketEnrichment(EnrichmentState.FAILED,
                "order could not be read: the seller's Amazon account is not connected", NOW, ORDER, "A1PA6795UKMFR9",
                null, null, List.of(), null));
        APIGatewayV2HTTPResponse r = call("GET /tickets/{id}/evidence", agent(seller), Map.of("id", id.value()),
                Map.of("format", "claim"), null, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(409);
        assertThat(json(r).get("type").asText()).isEqualTo("urn:deskbridge:problem:no-order-context");
        assertThat(json(r).get("detail").asText()).contains("failed");
    }

    @Test
    void theClaimExportCarriesTheOrderFactsAndTheTrackingHistory() throws Exception {
        String seller = "ctx-claim-ok-" + System.nanoTime();
        TicketId id = ticket(seller, Channel.AMAZON, ORDER);
        enrichment.write(seller, id.value(), fullContext());
        APIGatewayV2HTTPResponse r = call("GET /tickets/{id}/evidence", agent(seller), Map.of("id", id.value()),
                Map.of("format", "claim"), null, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonNode claim = json(r);
        assertThat(claim.get("order").get("orderId").asText()).isEqualTo(ORDER);
        assertThat(claim.get("order").get("parcels").get(0).get("shipDate").asText()).isEqualTo("2026-11-19T15:30:00Z");
        assertThat(claim.get("trackingHistory").isArray()).isTrue();
    }
    @Test
    void theAgentsReportShowsEachAgentsRefundsAndCancellationsWithHowTheyEnded() throws Exception {
        String seller = "ctx-outcomes-" + System.nanoTime();
        TicketId id = ticket(seller, Channel.AMAZON, ORDER);
        OrderAction done = queued(seller, id, "anna", ActionType.REFUND, "028-5550002-0000001");
        OrderAction refused = queued(seller, id, "anna", ActionType.REFUND, "028-5550002-0000002");
        queued(seller, id, "anna", ActionType.REFUND, "028-5550002-0000003");
        OrderAction cancel = queued(seller, id, "ben", ActionType.CANCELLATION, "028-5550002-0000004");
        assertThat(actions.transition(done, Set.of(ActionState.QUEUED), ActionState.COMPLETED, null, Map.of(), NOW)).isPresent();
        assertThat(actions.transition(done, ActionState.AWAITING_RESULT, ActionState.COMPLETED, null, Map.of(), NOW))
                .as("a second result for the same action").isEmpty();
        assertThat(actions.transition(refused, Set.of(ActionState.QUEUED), ActionState.FAILED, null, Map.of("error", "18028"), NOW)).isPresent();
        assertThat(actions.transition(cancel, Set.of(ActionState.QUEUED), ActionState.ATTENTION_REQUIRED, null, Map.of(), NOW)).isPresent();
        String day = NOW.toString().substring(0, 10);

        APIGatewayV2HTTPResponse r = call("GET /metrics/agents", lead(seller), null, Map.of("from", day, "to", day), null, null);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonNode agents = json(r).get("agents");
        assertThat(agents).extracting(a -> a.get("agentId").asText()).containsExactly("anna", "ben");
        assertThat(agents.get(0).get("actions").get("REFUND").toString())
                .isEqualTo("{\"requested\":3,\"completed\":1,\"failed\":1,\"rejected\":0,\"open\":1}");
        assertThat(agents.get(0).get("actionsRequested").get("REFUND").asLong()).isEqualTo(3);
        assertThat(agents.get(1).get("actions").get("CANCELLATION").toString()).as("attention required is still open")
                .isEqualTo("{\"requested\":1,\"completed\":0,\"failed\":0,\"rejected\":0,\"open\":1}");
        String other = NOW.minus(Duration.ofDays(3)).toString().substring(0, 10);
        assertThat(json(call("GET /metrics/agents", lead(seller), null, Map.of("from", other, "to", other), null, null))
                .get("agents")).as("counted on the request's day only").isEmpty();
    }

    private static OrderAction queued(String seller, TicketId ticket, String agent, ActionType type, String order) {
        OrderAction a = new OrderAction(seller, ticket.value(), OrderActionsIds.next(), type, ActionState.QUEUED, order,
                "A1PA6795UKMFR9", agent, type == ActionType.REFUND ? "10.00" : null, type == ActionType.REFUND ? "EUR" : null,
                type == ActionType.REFUND ? "CustomerReturn" : "BuyerCanceled", NOW, NOW, NOW, null, null, null, null, null);
        assertThat(actions.create(a, "ctx-outcome-" + a.actionId(), "hash", actions.ledger(seller, order), NOW))
                .isEqualTo(ActionStore.Created.CREATED);
        return a;
    }
}
