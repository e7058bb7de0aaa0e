package com.deskbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps openapi.yaml, the handler and template.yaml in step: the same routes in all three, and real responses of the
 * handler (wired from the template against DynamoDB Local and ElasticMQ, as the Lambda runs) valid against the
 * document's schemas for their status and content type.
 */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SellerId SELLER = new SellerId("openapi-seller");
    private static final Map<String, String> AGENT = Map.of("seller_id", SELLER.value(), "sub", "agent-7", "roles", "[agent]");
    private static final Map<String, String> LEAD = Map.of("seller_id", SELLER.value(), "sub", "lead-1", "roles", "[agent lead]");
    private static JsonNode openApi;
    private static LocalAwsStack stack;
    private static TicketId ticket;

    @BeforeAll
    static void start() throws IOException {
        Path root = ProjectRoot.find();
        openApi = JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(root.resolve("functions/api/openapi.yaml"))));
        stack = LocalAwsStack.builder().template(root.resolve("template.yaml")).stackName("openapi-contract")
                .pollers(false).start();
        Instant now = Instant.now();
        InboundMessage message = new InboundMessage(Channel.AMAZON, SELLER, "A1PA6795UKMFR9", "ext-1", null, "028-1234567-1234567",
                new Sender("abc123@marketplace.amazon.de", "Anna"), "Wo ist meine Bestellung?", "Hallo, wo ist mein Paket?",
                false, List.of(), now.minusSeconds(600));
        ticket = message.ticketId();
        new DynamoDbTicketStore(stack.dynamoDbClient(), stack.tableName("TicketsTable")).append(message, now.plusSeconds(86_400),
                new Triage("WHERE_IS_MY_ORDER", List.of("shipping-status"), Map.of(
                        MilestoneKind.AT_RISK, now.plusSeconds(3600), MilestoneKind.TARGET_DUE, now.plusSeconds(7200),
                        MilestoneKind.MARKETPLACE_DUE, now.plusSeconds(86_000))));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> routes.add(method.toUpperCase() + " " + path.getKey())));
        return routes;
    }

    @Test
    void theDocumentTheHandlerAndTheTemplateNameTheSameRoutes() {
        Set<String> template = stack.httpRoutes().stream().filter(r -> r.functionLogicalId().equals("ApiFunction"))
                .map(r -> r.method() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documentedRoutes()).isEqualTo(new TreeSet<>(TicketApiHandler.ROUTES));
        assertThat(template).isEqualTo(new TreeSet<>(TicketApiHandler.ROUTES));
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblemJson() {
        openApi.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().get("responses");
            assertThat(responses.has("403")).as(op.getKey() + " " + path.getKey() + " documents 403").isTrue();
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4")) {
                    JsonNode resolved = resolve(r.getValue());
                    assertThat(resolved.at("/content").has("application/problem+json"))
                            .as(op.getKey() + " " + path.getKey() + " " + r.getKey()).isTrue();
                }
            });
        }));
    }

    /** (route, claims, path params, query, headers, body): each answered by the real handler and checked. */
    @Test
    void realResponsesMatchTheDocumentedSchemas() throws Exception {
        String id = ticket.value();
        Map<String, String> idParam = Map.of("id", id);
        List<Object[]> requests = List.of(
                new Object[] {"GET /tickets", AGENT, null, Map.of("status", "open", "limit", "10"), null, null, 200},
                new Object[] {"GET /tickets", AGENT, null, Map.of("limit", "0"), null, null, 400},
                new Object[] {"GET /tickets/{id}", AGENT, idParam, null, null, null, 200},
                new Object[] {"GET /tickets/{id}", AGENT, Map.of("id", "tzzzzzzzzzzzzzzzzzzzzzzzz"), null, null, null, 404},
                new Object[] {"GET /tickets/{id}", Map.of("sub", "x"), idParam, null, null, null, 403},
                new Object[] {"POST /compliance/check", AGENT, null, null, null, "{\"text\":\"Visit https://shop.example now!\"}", 200},
                new Object[] {"POST /tickets/{id}/replies", AGENT, idParam, null, Map.of("Idempotency-Key", "openapi-reply-1"),
                        "{\"text\":\"Write to me at anna@shop.example\"}", 422},
                new Object[] {"POST /tickets/{id}/assign", AGENT, idParam, null, null, "{\"assignee\":\"agent-7\"}", 200},
                new Object[] {"POST /tickets/{id}/tags", AGENT, idParam, null, null, "{\"add\":[\"vip\"]}", 200},
                new Object[] {"POST /tickets/{id}/tags", AGENT, idParam, null, null, "{\"add\":\"vip\"}", 400},
                new Object[] {"POST /tickets/{id}/replies", AGENT, idParam, null, Map.of("Idempotency-Key", "openapi-reply-2"),
                        "{\"text\":\"Your parcel is with DHL, tracking number 00340434161094042557.\"}", 202},
                new Object[] {"GET /metrics/sla", LEAD, null, null, null, null, 200},
                new Object[] {"GET /metrics/sla", AGENT, null, null, null, null, 403},
                new Object[] {"GET /metrics/sla/daily", LEAD, null, Map.of("from", "2026-11-01"), null, null, 200},
                new Object[] {"GET /metrics/sla/daily", LEAD, null, Map.of("from", "yesterday"), null, null, 400},
                new Object[] {"POST /tickets/{id}/refunds", AGENT, idParam, null, null,
                        "{\"orderId\":\"028-1234567-1234567\",\"reason\":\"CustomerReturn\",\"full\":true}", 400},
                new Object[] {"POST /tickets/{id}/refunds", AGENT, idParam, null, Map.of("Idempotency-Key", "openapi-refund-1"),
                        "{\"orderId\":\"028-1234567-1234567\",\"reason\":\"NotAReason\",\"full\":true}", 422},
                new Object[] {"POST /tickets/{id}/cancellation", AGENT, idParam, null, null,
                        "{\"orderId\":\"028-1234567-1234567\",\"reason\":\"BuyerCanceled\",\"extra\":1}", 400},
                new Object[] {"GET /tickets/{id}/actions", AGENT, idParam, null, null, null, 200},
                new Object[] {"GET /tickets/{id}/actions/{actionId}", AGENT, Map.of("id", id, "actionId", "a-none"), null, null, null, 404},
                new Object[] {"GET /tickets/{id}/evidence", AGENT, idParam, null, null, null, 200},
                new Object[] {"GET /tickets/{id}/evidence", AGENT, idParam, Map.of("format", "claim"), null, null, 409},
                new Object[] {"POST /tickets/{id}/tracking/refresh", AGENT, idParam, null, null, null, 202},
                new Object[] {"GET /tickets/{id}/audit", AGENT, idParam, null, null, null, 403},
                new Object[] {"GET /tickets/{id}/audit", LEAD, idParam, null, null, null, 200},
                new Object[] {"GET /macros", AGENT, null, Map.of("intent", "WHERE_IS_MY_ORDER"), null, null, 200},
                new Object[] {"POST /tickets/{id}/macros/{macroId}/render", AGENT, Map.of("id", id, "macroId", "builtin-fbm-shipping-update"),
                        null, null, "{\"language\":\"de\"}", 422},
                new Object[] {"PUT /reply-settings", LEAD, null, null, null,
                        "{\"shopName\":\"Nordlicht Textil\",\"defaultLanguage\":\"de\",\"macros\":[{\"id\":\"hello\",\"name\":\"Hello\","
                                + "\"bodies\":{\"de\":\"Hallo {{CustomerName}}, Ihre Bestellung {{OrderID}}. {{SellerName}}\"}}]}", 200},
                new Object[] {"GET /reply-settings", AGENT, null, null, null, null, 200},
                new Object[] {"POST /tickets/{id}/macros/{macroId}/render", AGENT, Map.of("id", id, "macroId", "hello"),
                        null, null, "{}", 200},
                new Object[] {"POST /tickets/{id}/macros/{macroId}/render", AGENT, Map.of("id", id, "macroId", "nope"),
                        null, null, "{}", 404},
                new Object[] {"PUT /reply-settings", LEAD, null, null, null,
                        "{\"macros\":[{\"id\":\"x\",\"name\":\"X\",\"bodies\":{\"de\":\"{{Nope}}\"}}]}", 400},
                new Object[] {"GET /sla-policy", AGENT, null, null, null, null, 200},
                new Object[] {"PUT /sla-policy", LEAD, null, null, null, "{\"timeZone\":\"Mars/Olympus\"}", 400},
                new Object[] {"GET /tag-rules", AGENT, null, null, null, null, 200},
                new Object[] {"PUT /tag-rules", LEAD, null, null, null,
                        "{\"rules\":[{\"name\":\"warranty\",\"kind\":\"KEYWORD\",\"pattern\":\"warranty\",\"tag\":\"warranty\"}]}", 200},
                new Object[] {"POST /tickets/{id}/no-response-needed", AGENT, idParam, null, null, null, 200},
                new Object[] {"POST /tickets/{id}/close", AGENT, idParam, null, null, null, 200});
        Set<String> answered = new TreeSet<>();
        for (Object[] r : requests) {
            String route = (String) r[0];
            @SuppressWarnings("unchecked")
            APIGatewayV2HTTPEvent event = event(route, (Map<String, String>) r[1], (Map<String, String>) r[2],
                    (Map<String, String>) r[3], (Map<String, String>) r[4], (String) r[5]);
            APIGatewayV2HTTPResponse response = stack.invoke("ApiFunction", event, APIGatewayV2HTTPResponse.class);
            assertThat(response.getStatusCode()).as(route + " " + r[5] + ": " + response.getBody()).isEqualTo(r[6]);
            String contentType = response.getHeaders().get("content-type");
            JsonNode schema = schemaFor(route, response.getStatusCode(), contentType);
            Set<ValidationMessage> errors = validator(schema).validate(JSON.readTree(response.getBody()));
            assertThat(errors).as(route + " " + response.getStatusCode() + " " + response.getBody()).isEmpty();
            if (response.getStatusCode() < 300) {
                answered.add(route);
            }
        }
        assertThat(answered).as("every route answered successfully at least once")
                .containsAll(new TreeSet<>(TicketApiHandler.ROUTES).stream().filter(r -> !r.equals("PUT /sla-policy")
                        // accepted actions need the SP-API: the local system test and the actions module cover them
                        && !r.equals("POST /tickets/{id}/refunds") && !r.equals("POST /tickets/{id}/cancellation")
                        && !r.equals("GET /tickets/{id}/actions/{actionId}")).toList());
    }

    private static APIGatewayV2HTTPEvent event(String route, Map<String, String> claims, Map<String, String> pathParams,
                                               Map<String, String> query, Map<String, String> headers, String body) {
        String path = route.substring(route.indexOf(' ') + 1);
        if (pathParams != null) {
            for (Map.Entry<String, String> p : pathParams.entrySet()) {
                path = path.replace("{" + p.getKey() + "}", p.getValue());
            }
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(route).withRawPath(path)
                .withPathParameters(pathParams).withQueryStringParameters(query)
                .withHeaders(headers == null ? new HashMap<>() : new HashMap<>(headers)).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("contract-" + route.hashCode())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                                .build())
                        .build())
                .build();
    }

    private static JsonNode schemaFor(String route, int status, String contentType) {
        String method = route.substring(0, route.indexOf(' ')).toLowerCase();
        String path = route.substring(route.indexOf(' ') + 1);
        JsonNode response = openApi.at("/paths").get(path).get(method).get("responses").get(Integer.toString(status));
        assertThat(response).as(route + " documents " + status).isNotNull();
        JsonNode content = resolve(response).get("content").get(contentType);
        assertThat(content).as(route + " " + status + " documents " + contentType).isNotNull();
        return content.get("schema");
    }

    private static JsonNode resolve(JsonNode node) {
        if (node.has("$ref")) {
            return openApi.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** The schema as a JSON Schema 2020-12 document whose $refs into components resolve to $defs. */
    private static JsonSchema validator(JsonNode schema) throws IOException {
        String defs = JSON.writeValueAsString(openApi.at("/components/schemas")).replace("#/components/schemas/", "#/$defs/");
        String root = JSON.writeValueAsString(schema).replace("#/components/schemas/", "#/$defs/");
        ObjectNode document = (ObjectNode) JSON.readTree(root);
        document.set("$defs", JSON.readTree(defs));
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document);
    }
}
