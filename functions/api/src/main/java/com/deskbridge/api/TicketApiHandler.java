package com.deskbridge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.OutgoingReply;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.enrichment.DynamoDbTicketEnrichmentStore;
import com.deskbridge.enrichment.EnrichmentState;
import com.deskbridge.enrichment.TicketEnrichment;
import java.time.Instant;
import java.util.List;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketCorrelations;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the helpdesk HTTP API (template.yaml: ApiFunction, behind API Gateway's JWT authorizer).
 * The seller is always the one named by the verified token's {@value ApiRequest#SELLER_CLAIM} claim; ids in the
 * request can never select another seller's data because every key starts with the seller. Every error is RFC 9457
 * problem+json ({@link Problems}). The routes live in {@link RouteTable} and are described in openapi.yaml (a test
 * keeps the three in step with template.yaml).
 */
public final class TicketApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
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
    /**
     * SnapStart priming (template.yaml: SnapStart on every function): this handler's class list, then {@link #prime()}.
     * Held here, the CRaC context holds it weakly.
     */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: the composition root {@link ApiServices#fromEnvironment()}; registers SnapStart priming. */
    public TicketApiHandler() {
        this(ApiServices.fromEnvironment(), new DynamoDbTicketCorrelations(AwsClients.dynamoDb(),
                Env.require("TICKETS_TABLE"))::of);
        priming = SnapStartPriming.register(TicketApiHandler.class, this::prime, PRIMING_ROUNDS);
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

    /**
     * SnapStart priming with dummy invocations of the read paths an agent's first requests take (SnapStartPriming runs
     * them {@value #PRIMING_ROUNDS} times before the snapshot), for the reserved seller
     * {@value SnapStartPriming#RESERVED_SELLER}, which has no data: one of its tickets is asked for (404 through the
     * ticket read, the correlation read and problem+json), then the console's first reads: its open queue (an empty
     * page), its inbox overview, the macro catalogue and a ticket's suggestions (404); then an in-memory ticket of it is
     * rendered the way {@code GET /tickets/{id}} renders a found, enriched one: a sample order with an item and a
     * package and a DHL shipment with its events, passed through the enrichment item codec in memory
     * ({@link DynamoDbTicketEnrichmentStore#roundTrip}: no DynamoDB call), then the view (its actions, notes, presence
     * and history are read, all empty) and the response's Jackson serialisation; its message and a reply to it were
     * encoded and decoded by the ticket store's item codec in memory ({@link DynamoDbTicketStore#roundTrip}); then the
     * same view as a found ticket gets it, with its enrichment read from the table (nothing there). Only GET routes,
     * reads and in-memory work:
     * nothing is stored, sent or queued, no money moves.
     */
    void prime() {
        SellerId seller = new SellerId(SnapStartPriming.RESERVED_SELLER);
        TicketDetail ticket = primingTicket(seller);
        String id = ticket.ticket().id().value();
        int status = handleRequest(primingEvent("GET /tickets/{id}", "/tickets/" + id, Map.of("id", id), null), null)
                .getStatusCode();
        handleRequest(primingEvent("GET /tickets", "/tickets", Map.of(), Map.of("status", "open")), null);
        handleRequest(primingEvent("GET /inbox", "/inbox", Map.of(), null), null);
        handleRequest(primingEvent("GET /macros", "/macros", Map.of(), null), null);
        handleRequest(primingEvent("GET /tickets/{id}/suggestions", "/tickets/" + id + "/suggestions", Map.of("id", id),
                null), null);
        TicketEnrichment enrichment = DynamoDbTicketEnrichmentStore.roundTrip(primingEnrichment(ticket));
        http(ApiResponse.ok(app.views().ticketView(ticket, "snapstart-priming", Optional.of(enrichment))));
        // the view as a found ticket gets it: its enrichment read from the table (GetItem of the reserved seller's
        // ticket: nothing there), which the in-memory render above skips
        http(ApiResponse.ok(app.views().ticketView(ticket, "snapstart-priming")));
        LOG.debug("SnapStart priming answered {}", status);
    }

    /**
     * How often the priming requests run. More than the JDK 17 reflection inflation threshold (15 calls of a
     * {@code Method} through JNI, then a generated accessor class: {@code sun.reflect.inflationThreshold}), so that
     * Jackson's record accessors are generated before the snapshot, not in the requests after it. On the java21
     * runtime core reflection uses method handles (JEP 416, https://openjdk.org/jeps/416) with no inflation, and the
     * extra rounds leave more of the view's path JIT-compiled.
     */
    static final int PRIMING_ROUNDS = 20;

    /** A sample enrichment of an FBM order in transit with DHL, as the enrichment function writes it (invented values). */
    private static TicketEnrichment primingEnrichment(TicketDetail ticket) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String order = ticket.ticket().orderId();
        String tracking = "00340434161094000000";
        TicketEnrichment.OrderView view = new TicketEnrichment.OrderView(order, "A1PA6795UKMFR9", "SHIPPED", "FBM",
                at.minusSeconds(7 * 86_400), at.minusSeconds(6 * 86_400), at.minusSeconds(86_400),
                List.of(new TicketEnrichment.ItemView("00000000000000", "PRIMING-SKU", "Priming item", 1, "1.00", "EUR")),
                "EUR", List.of(new TicketEnrichment.PackageView("DHL", tracking, at.minusSeconds(6 * 86_400))));
        TicketEnrichment.ShipmentView shipment = new TicketEnrichment.ShipmentView("DHL", tracking, "InTransit", "pt",
                "In transit", false, null, "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode="
                + tracking, false, at.plusSeconds(86_400), "Leipzig", at, at.plusSeconds(3600), "carrier", null,
                List.of(new TicketEnrichment.EventView(at.minusSeconds(3600), "InTransit", "pt", "In transit", "Leipzig")),
                Set.of(), "priming");
        return new TicketEnrichment(EnrichmentState.COMPLETE, "", at, order, "A1PA6795UKMFR9", view, null,
                List.of(shipment), "priming");
    }

    private static APIGatewayV2HTTPEvent primingEvent(String routeKey, String path, Map<String, String> pathParameters,
                                                      Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withRawPath(path)
                .withPathParameters(pathParameters).withQueryStringParameters(query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of(SELLER_CLAIM, SnapStartPriming.RESERVED_SELLER,
                                                "sub", "snapstart-priming")).build())
                                .build())
                        .build())
                .build();
    }

    /** A ticket of the reserved seller that exists only in memory: one buyer message, as intake would store it. */
    private static TicketDetail primingTicket(SellerId seller) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        TicketSummary summary = new TicketSummary(TicketId.parse("taaaaaaaaaaaaaaaaaaaaaaaa"), seller, Channel.AMAZON,
                "A1PA6795UKMFR9", "302-0000000-0000000", "Priming", "Where is my order?", TicketStatus.OPEN, at, at, at, 1,
                "WHERE_IS_MY_ORDER", Set.of("shipping-status"), Priority.NORMAL, null, at.plusSeconds(86_400));
        // its message as intake stores it and an agent's reply as the API records it, as the ticket read decodes them
        // (in memory, DynamoDbTicketStore.roundTrip); the message with an attachment, as buyers' messages often have
        InboundMessage message = new InboundMessage(Channel.AMAZON, seller, "A1PA6795UKMFR9", "priming-1", "priming-thread",
                "302-0000000-0000000", new Sender("priming@marketplace.amazon.de", "Priming - Amazon Marketplace"),
                "Where is my order?", "Hello, where is my order?", false,
                List.of(new Attachment("priming.pdf", "application/pdf", 1_024)), at);
        OutgoingReply reply = new OutgoingReply("raaaaaaaaaaaaaaaaaaaaaaaa", "snapstart-priming",
                "Your parcel is on its way.", at.plusSeconds(60), false);
        return new TicketDetail(summary, DynamoDbTicketStore.roundTrip(message, reply));
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
