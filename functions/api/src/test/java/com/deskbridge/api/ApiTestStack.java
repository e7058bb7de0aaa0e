package com.deskbridge.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.localaws.LocalAwsStack;
import com.deskbridge.localaws.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API function as template.yaml wires it, on DynamoDB Local and ElasticMQ, for tests that call it the way API
 * Gateway does (the verified token's claims in the request context) and put tickets where intake would.
 */
final class ApiTestStack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final LocalAwsStack stack;
    final DynamoDbTicketStore tickets;
    final String table;

    ApiTestStack(String name) {
        stack = LocalAwsStack.builder().template(ProjectRoot.find().resolve("template.yaml")).stackName(name)
                .pollers(false).start();
        table = stack.tableName("TicketsTable");
        tickets = new DynamoDbTicketStore(stack.dynamoDbClient(), table);
    }

    static Map<String, String> agent(String seller, String agent) {
        return Map.of("seller_id", seller, "sub", agent, "roles", "[agent]");
    }

    static Map<String, String> lead(String seller) {
        return Map.of("seller_id", seller, "sub", "lead-1", "roles", "[agent lead]");
    }

    /** Stores the message as intake does (its ticket waits for a reply) and returns the ticket. */
    TicketId receive(InboundMessage message) {
        Instant now = Instant.now();
        tickets.append(message, now.plus(Duration.ofDays(30)), new Triage("WHERE_IS_MY_ORDER", List.of(), Map.of(
                MilestoneKind.TARGET_DUE, now.plusSeconds(7200), MilestoneKind.MARKETPLACE_DUE, now.plusSeconds(80_000))));
        return message.ticketId();
    }

    APIGatewayV2HTTPResponse call(String route, Map<String, String> claims, Map<String, String> pathParams,
                                  Map<String, String> query, Map<String, String> headers, String body) {
        return stack.invoke("ApiFunction", event(route, claims, pathParams, query, headers, body), APIGatewayV2HTTPResponse.class);
    }

    /** The event API Gateway hands the function for this request, the token's verified claims in its context. */
    static APIGatewayV2HTTPEvent event(String route, Map<String, String> claims, Map<String, String> pathParams,
                                       Map<String, String> query, Map<String, String> headers, String body) {
        String path = route.substring(route.indexOf(' ') + 1);
        if (pathParams != null) {
            for (Map.Entry<String, String> p : pathParams.entrySet()) {
                path = path.replace("{" + p.getKey() + "}", p.getValue());
            }
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(route)
                .withRawPath(path).withPathParameters(pathParams).withQueryStringParameters(query)
                .withHeaders(headers == null ? new HashMap<>() : new HashMap<>(headers)).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("test-" + route.hashCode())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                                .build())
                        .build())
                .build();
    }

    /** GET /tickets/{id} as {@code claims}. */
    JsonNode ticket(Map<String, String> claims, TicketId id) {
        return json(call("GET /tickets/{id}", claims, Map.of("id", id.value()), null, null, null));
    }

    static JsonNode json(APIGatewayV2HTTPResponse r) {
        try {
            return JSON.readTree(r.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
