package com.deskbridge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.settings.DynamoDbSellerSettings;
import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.adapters.settings.TagRulesJson;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketNotFoundException;
import com.deskbridge.domain.ticket.TicketStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the helpdesk HTTP API (template.yaml: ApiFunction, behind API Gateway's JWT authorizer).
 * The seller is always the one named by the verified token's {@value #SELLER_CLAIM} claim; ids in the request can
 * never select another seller's data because every key starts with the seller.
 */
public final class TicketApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    /** The access-token claim that names the seller account the agent works for. */
    public static final String SELLER_CLAIM = "seller_id";
    static final String GET_TICKET = "GET /tickets/{id}";
    static final String LIST_TICKETS = "GET /tickets";
    static final String NO_RESPONSE_NEEDED = "POST /tickets/{id}/no-response-needed";
    static final String GET_SLA_POLICY = "GET /sla-policy";
    static final String PUT_SLA_POLICY = "PUT /sla-policy";
    static final String GET_TAG_RULES = "GET /tag-rules";
    static final String PUT_TAG_RULES = "PUT /tag-rules";
    private static final String NO_TAG_RULES = "{\"rules\":[]}";
    /** The role that may change the seller's settings. */
    static final String LEAD = "lead";
    private static final Logger LOG = LoggerFactory.getLogger(TicketApiHandler.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    static {
        JsonLogging.install();
    }

    private final TicketQueries queries;
    private final TicketCommands commands;
    private final SellerSettings settings;
    private final SlaPolicyJson policyJson = new SlaPolicyJson();
    private final TagRulesJson tagRulesJson = new TagRulesJson();
    private final String defaultPolicy;
    private final ObjectMapper json = new ObjectMapper();

    /** Used by the Lambda runtime: real adapters from the environment template.yaml sets; registers SnapStart priming. */
    public TicketApiHandler() {
        this(Wiring.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    private TicketApiHandler(Wiring w) {
        this(w.queries(), w.commands(), w.settings(), w.defaultPolicy());
    }

    /** With the given collaborators (tests); {@code defaultPolicy} is the JSON document of sellers without one. */
    public TicketApiHandler(TicketQueries queries, TicketCommands commands, SellerSettings settings, String defaultPolicy) {
        this.queries = queries;
        this.commands = commands;
        this.settings = settings;
        this.defaultPolicy = defaultPolicy;
    }

    /** The real adapters, from the environment template.yaml sets; the SDK client is shared. */
    private record Wiring(TicketQueries queries, TicketCommands commands, SellerSettings settings, String defaultPolicy) {
        static Wiring fromEnvironment() {
            var dynamo = AwsClients.dynamoDb();
            String table = Env.require("TICKETS_TABLE");
            Clock clock = Clock.systemUTC();
            DynamoDbTicketStore store = new DynamoDbTicketStore(dynamo, table);
            return new Wiring(new TicketQueries(store, clock), new TicketCommands(store, clock),
                    new DynamoDbSellerSettings(dynamo, table, clock),
                    SlaPolicyJson.defaultDocument(Env.get("SLA_TIME_ZONE").orElse("UTC")));
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = requestId(event, context);
        String path = event.getRawPath();
        try {
            SellerId seller = seller(event);
            return switch (String.valueOf(event.getRouteKey())) {
                case GET_TICKET -> ok(TicketJson.detail(queries.ticket(seller, TicketId.parse(pathParameter(event, "id")))));
                case LIST_TICKETS -> ok(TicketJson.listing(queries.queue(seller,
                        TicketStatus.parse(query(event, "status").orElse("open"), "status"),
                        query(event, "limit").map(TicketApiHandler::limit).orElse(null),
                        query(event, "cursor").orElse(null))));
                case NO_RESPONSE_NEEDED -> {
                    TicketId id = TicketId.parse(pathParameter(event, "id"));
                    commands.markNoResponseNeeded(seller, id, agent(event));
                    yield ok(TicketJson.detail(queries.ticket(seller, id)));
                }
                case GET_SLA_POLICY -> setting(seller, SellerSetting.SLA_POLICY, "policy", defaultPolicy);
                case GET_TAG_RULES -> setting(seller, SellerSetting.TAG_RULES, "tagRules", NO_TAG_RULES);
                case PUT_SLA_POLICY, PUT_TAG_RULES -> {
                    if (!roles(event).contains(LEAD)) {
                        yield problem(Problem.of("forbidden", "Lead role required", 403,
                                "only a lead may change the seller's settings", path, null, requestId));
                    }
                    String document = body(event);
                    boolean policy = PUT_SLA_POLICY.equals(event.getRouteKey());
                    if (policy) {
                        policyJson.parse(document);
                    } else {
                        tagRulesJson.parse(document);
                    }
                    SellerSetting setting = policy ? SellerSetting.SLA_POLICY : SellerSetting.TAG_RULES;
                    settings.save(seller, setting, document, agent(event));
                    yield setting(seller, setting, policy ? "policy" : "tagRules", null);
                }
                default -> problem(Problem.of("no-such-route", "No such route", 404,
                        "this API has no route " + event.getRouteKey(), path, null, requestId));
            };
        } catch (MissingSellerException e) {
            return problem(Problem.of("no-seller", "Token names no seller", 403, e.getMessage(), path, null, requestId));
        } catch (InvalidInputException e) {
            return problem(Problem.of("invalid-parameter", "Invalid request parameter", 400,
                    e.getMessage(), path, e.field(), requestId));
        } catch (TicketNotFoundException e) {
            return problem(Problem.of("ticket-not-found", "Ticket not found", 404,
                    "no ticket " + e.ticketId() + " for this seller", path, null, requestId));
        } catch (RuntimeException e) {
            LOG.error("requestId={} route={} failed", requestId, event.getRouteKey(), e);
            return problem(Problem.of("internal-error", "Internal error", 500,
                    "the request failed; quote the requestId when reporting it", path, null, requestId));
        }
    }

    /** SnapStart priming: exercise the whole read path once before the snapshot, so restored instances start warm. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        APIGatewayV2HTTPEvent warmup = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(GET_TICKET)
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

    private static SellerId seller(APIGatewayV2HTTPEvent event) {
        String seller = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .map(claims -> claims.get(SELLER_CLAIM))
                .orElseThrow(() -> new MissingSellerException("the access token has no " + SELLER_CLAIM + " claim"));
        try {
            return new SellerId(seller);
        } catch (InvalidInputException e) {
            throw new MissingSellerException("the access token's " + SELLER_CLAIM + " claim is not a seller id");
        }
    }

    /** {"default": bool, name: document}: the seller's stored setting, or the fallback. */
    private APIGatewayV2HTTPResponse setting(SellerId seller, SellerSetting setting, String name, String fallback) {
        Optional<String> stored = settings.document(seller, setting);
        try {
            return ok(Map.of("default", stored.isEmpty(), name, json.readTree(stored.orElse(fallback))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + setting + " is not JSON", e);
        }
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8);
        }
        return body;
    }

    /** Roles from the token's {@code roles} claim, as API Gateway renders a list claim: {@code [agent lead]}. */
    private static java.util.Set<String> roles(APIGatewayV2HTTPEvent event) {
        String raw = Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .map(claims -> claims.get("roles"))
                .orElse("");
        return java.util.Set.of(raw.replace("[", " ").replace("]", " ").replace(",", " ").trim().split("\\s+"));
    }

    /** The agent acting: the token's subject. */
    private static String agent(APIGatewayV2HTTPEvent event) {
        return Optional.ofNullable(event.getRequestContext())
                .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
                .map(claims -> claims.get("sub"))
                .orElse(null);
    }

    private static String pathParameter(APIGatewayV2HTTPEvent event, String name) {
        return event.getPathParameters() == null ? null : event.getPathParameters().get(name);
    }

    private static Optional<String> query(APIGatewayV2HTTPEvent event, String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name)).filter(v -> !v.isBlank());
    }

    private static Integer limit(String raw) {
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", "must be a whole number (was '" + raw + "')");
        }
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        return context == null ? null : context.getAwsRequestId();
    }

    private APIGatewayV2HTTPResponse ok(Object body) {
        return response(200, "application/json", body);
    }

    private APIGatewayV2HTTPResponse problem(Problem problem) {
        return response(problem.status(), PROBLEM_JSON, problem);
    }

    private APIGatewayV2HTTPResponse response(int status, String contentType, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(Map.of("content-type", contentType, "cache-control", "no-store"))
                    .withBody(json.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body could not be serialised", e);
        }
    }

    /** The authorizer let the request through, but the token does not say which seller it acts for. */
    private static final class MissingSellerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingSellerException(String message) {
            super(message);
        }
    }
}
