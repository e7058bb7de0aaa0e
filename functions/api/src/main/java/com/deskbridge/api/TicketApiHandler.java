package com.deskbridge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketCorrelations;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.domain.ticket.TicketId;
import java.util.Optional;
import java.util.function.BiFunction;
import com.deskbridge.domain.ticket.SellerId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the helpdesk HTTP API (template.yaml: ApiFunction, behind API Gateway's JWT authorizer).
 * The seller is always the one named by the verified token's {@value ApiRequest#SELLER_CLAIM} claim; ids in the
 * request can never select another seller's data because every key starts with the seller. Every error is RFC 9457
 * problem+json ({@link Problems}). The routes live in {@link RouteTable} and are described in openapi.yaml (a test
 * keeps the three in step with template.yaml).
 */
public final class TicketApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    /** The access-token claim that names the seller account the agent works for. */
    public static final String SELLER_CLAIM = ApiRequest.SELLER_CLAIM;
    /** Every route this handler serves. */
    public static final Set<String> ROUTES = RouteTable.keys();
    private static final Logger LOG = LoggerFactory.getLogger(TicketApiHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JsonLogging.install();
    }

    private final ApiApplication app;
    /** The correlation id a ticket carries (the buyer message's that opened it), for requests on that ticket. */
    private final BiFunction<SellerId, TicketId, Optional<String>> correlations;

    /** Used by the Lambda runtime: the composition root {@link ApiServices#fromEnvironment()}; registers SnapStart priming. */
    public TicketApiHandler() {
        this(ApiServices.fromEnvironment(), new DynamoDbTicketCorrelations(AwsClients.dynamoDb(),
                Env.require("TICKETS_TABLE"))::of);
        Core.getGlobalContext().register(this);
    }

    /** With the given collaborators (tests about something else: requests log under API Gateway's request id). */
    public TicketApiHandler(ApiServices services) {
        this(services, (seller, ticket) -> Optional.empty());
    }

    public TicketApiHandler(ApiServices services, BiFunction<SellerId, TicketId, Optional<String>> correlations) {
        this.app = ApiApplication.of(services);
        this.correlations = correlations;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = requestId(event, context);
        ApiRequest request = new ApiRequest(event);
        Correlation.begin(requestId);
        ApiResponse answer;
        try {
            // the onboarding routes serve operators, who work for no one seller (README, Deploy step 4)
            SellerId seller = (SellerRoutes.ROUTE_KEYS.contains(request.routeKey())
                    || AmazonRoutes.OPERATOR_ROUTE_KEYS.contains(request.routeKey())
                    || EbayRoutes.OPERATOR_ROUTE_KEYS.contains(request.routeKey())
                    || CarrierRoutes.OPERATOR_ROUTE_KEYS.contains(request.routeKey())) && request.namesNoSeller()
                    || AmazonRoutes.PUBLIC_ROUTE_KEYS.contains(request.routeKey())
                    || EbayRoutes.PUBLIC_ROUTE_KEYS.contains(request.routeKey())
                    || ShopifyWebhookRoutes.PUBLIC_ROUTE_KEYS.contains(request.routeKey()) ? null : request.seller();
            request.roles();
            Route route = RouteTable.find(request.routeKey()).orElseThrow(() -> new ApiProblem("no-such-route",
                    "No such route", 404, "this API has no route " + request.routeKey()));
            if (route.writes()) {
                request.requireAgent();
            }
            correlate(request, seller);
            answer = route.answer().answer(new Route.Call(request, seller, app));
        } catch (RuntimeException e) {
            answer = Problems.answer(e, request, requestId);
        }
        try {
            // one line per request (ids, route and status only: never a body), under the request's correlation id
            LOG.info("api requestId={} route={} status={}", requestId, request.routeKey(), answer.status());
            return http(answer);
        } finally {
            Correlation.clear(); // the next request starts without this one's id
        }
    }

    /** A request on one ticket ({@code /tickets/{id}...}) logs under, and passes on, the ticket's correlation id. */
    private void correlate(ApiRequest request, SellerId seller) {
        if (seller == null || !request.routeKey().contains(" /tickets/{id}")) {
            return;
        }
        TicketId ticket;
        try {
            ticket = request.ticketId();
        } catch (RuntimeException malformed) {
            return; // the route answers the malformed id itself
        }
        try {
            correlations.apply(seller, ticket).ifPresent(Correlation::begin);
        } catch (RuntimeException e) { // logging context only: the request goes on under API Gateway's request id
            LOG.warn("ticketId={} correlation id not read: {}", ticket.value(), e.toString());
        }
    }

    /** SnapStart priming: exercise the whole read path once before the snapshot, so restored instances start warm. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        APIGatewayV2HTTPEvent warmup = APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /tickets/{id}")
                .withRawPath("/tickets/taaaaaaaaaaaaaaaaaaaaaaaa")
                .withPathParameters(Map.of("id", "taaaaaaaaaaaaaaaaaaaaaaaa"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of(SELLER_CLAIM, "snapstart-priming")).build())
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handleRequest(warmup, null);
        LOG.info("SnapStart priming answered {}", response.getStatusCode());
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the SDK re-opens connections on demand and no ids or clocks were captured at init.
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context == null ? null : context.getAwsRequestId();
    }

    private static APIGatewayV2HTTPResponse http(ApiResponse answer) {
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.put("content-type", answer.contentType());
        headers.put("cache-control", "no-store");
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status()).withHeaders(headers)
                    .withBody(answer.body() instanceof String text && !answer.contentType().contains("json") ? text
                            : JSON.writeValueAsString(answer.body())).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body could not be serialised", e);
        }
    }
}
