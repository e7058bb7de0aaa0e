package com.deskbridge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.settings.ReplySettings;
import com.deskbridge.adapters.settings.ReplySettingsJson;
import com.deskbridge.adapters.settings.SellerDocuments;
import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.adapters.settings.TagRulesJson;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.compliance.ComplianceReport;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.port.ReplyDispatcher;
import com.deskbridge.domain.port.ResponseLog;
import com.deskbridge.domain.port.SlaMetricsArchive;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.domain.sla.Priority;
import com.deskbridge.domain.sla.ResponseMetrics;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketNotFoundException;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.macros.MacroLanguage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for the helpdesk HTTP API (template.yaml: ApiFunction, behind API Gateway's JWT authorizer).
 * The seller is always the one named by the verified token's {@value ApiRequest#SELLER_CLAIM} claim; ids in the
 * request can never select another seller's data because every key starts with the seller. Every error is RFC 9457
 * problem+json. The routes are listed in {@link #ROUTES} and described in openapi.yaml (a test keeps the three in step
 * with template.yaml).
 */
public final class TicketApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    /** The access-token claim that names the seller account the agent works for. */
    public static final String SELLER_CLAIM = ApiRequest.SELLER_CLAIM;
    static final String GET_TICKET = "GET /tickets/{id}";
    static final String LIST_TICKETS = "GET /tickets";
    static final String NO_RESPONSE_NEEDED = "POST /tickets/{id}/no-response-needed";
    static final String REPLY = "POST /tickets/{id}/replies";
    static final String ASSIGN = "POST /tickets/{id}/assign";
    static final String TAGS = "POST /tickets/{id}/tags";
    static final String CLOSE = "POST /tickets/{id}/close";
    static final String CHECK_COMPLIANCE = "POST /compliance/check";
    static final String SLA_METRICS = "GET /metrics/sla";
    static final String DAILY_SLA_METRICS = "GET /metrics/sla/daily";
    static final String REFUND = "POST /tickets/{id}/refunds";
    static final String CANCELLATION = "POST /tickets/{id}/cancellation";
    static final String LIST_ACTIONS = "GET /tickets/{id}/actions";
    static final String GET_ACTION = "GET /tickets/{id}/actions/{actionId}";
    static final String GET_EVIDENCE = "GET /tickets/{id}/evidence";
    static final String REFRESH_TRACKING = "POST /tickets/{id}/tracking/refresh";
    static final String AUDIT_EXPORT = "GET /tickets/{id}/audit";
    static final String LIST_MACROS = "GET /macros";
    static final String RENDER_MACRO = "POST /tickets/{id}/macros/{macroId}/render";
    static final String GET_REPLY_SETTINGS = "GET /reply-settings";
    static final String PUT_REPLY_SETTINGS = "PUT /reply-settings";
    static final String GET_SLA_POLICY = "GET /sla-policy";
    static final String PUT_SLA_POLICY = "PUT /sla-policy";
    static final String GET_TAG_RULES = "GET /tag-rules";
    static final String PUT_TAG_RULES = "PUT /tag-rules";
    /** Every route this handler serves. */
    public static final Set<String> ROUTES = Set.of(GET_TICKET, LIST_TICKETS, NO_RESPONSE_NEEDED, REPLY, ASSIGN, TAGS,
            CLOSE, CHECK_COMPLIANCE, SLA_METRICS, DAILY_SLA_METRICS, REFUND, CANCELLATION, LIST_ACTIONS, GET_ACTION, GET_EVIDENCE, REFRESH_TRACKING, AUDIT_EXPORT, LIST_MACROS, RENDER_MACRO, GET_REPLY_SETTINGS, PUT_REPLY_SETTINGS,
            GET_SLA_POLICY, PUT_SLA_POLICY, GET_TAG_RULES, PUT_TAG_RULES);
    private static final String NO_TAG_RULES = "{\"rules\":[]}";
    private static final String DEFAULT_REPLY_SETTINGS =
            "{\"defaultLanguage\":\"en\",\"carrierLinks\":false,\"autoReplies\":true,\"macros\":[]}";
    private static final Logger LOG = LoggerFactory.getLogger(TicketApiHandler.class);
    private static final String PROBLEM_JSON = "application/problem+json";

    static {
        JsonLogging.install();
    }

    private final TicketQueries queries;
    private final TicketCommands commands;
    private final SellerSettings settings;
    private final ReplyDispatcher dispatcher;
    private final ResponseLog responses;
    private final SlaMetricsArchive dailyMetrics;
    private final Supplier<ActionRoutes> actions;
    private final ContextRoutes context;
    private final ComplianceChecker compliance;
    private final Clock clock;
    private final SlaPolicyJson policyJson = new SlaPolicyJson();
    private final TagRulesJson tagRulesJson = new TagRulesJson();
    private final ReplySettingsJson replySettingsJson = new ReplySettingsJson();
    private final SellerDocuments<ReplySettings> replySettings;
    private final MacroRoutes macros;
    private final String defaultPolicy;
    private final ObjectMapper json = new ObjectMapper();

    /** Used by the Lambda runtime: real adapters from the environment template.yaml sets; registers SnapStart priming. */
    public TicketApiHandler() {
        this(ApiServices.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** With the given collaborators (tests and the runtime alike). */
    public TicketApiHandler(ApiServices services) {
        this.queries = services.queries();
        this.commands = services.commands();
        this.settings = services.settings();
        this.dispatcher = services.dispatcher();
        this.responses = services.responses();
        this.dailyMetrics = services.dailyMetrics();
        this.actions = ApiServices.memoized(() -> new ActionRoutes(services.orderActions().get()));
        this.context = new ContextRoutes(services.context(), services.trackingRefresh());
        this.compliance = services.compliance();
        this.clock = services.clock();
        this.defaultPolicy = services.defaultPolicy();
        this.replySettings = new SellerDocuments<>(settings, SellerSetting.REPLY_SETTINGS, ReplySettings.DEFAULT,
                replySettingsJson::parse);
        this.macros = new MacroRoutes(compliance);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = requestId(event, context);
        ApiRequest request = new ApiRequest(event);
        try {
            SellerId seller = request.seller();
            return route(request, seller);
        } catch (ApiProblem e) {
            return problem(e.toProblem(request.path(), requestId));
        } catch (InvalidInputException e) {
            return problem(Problem.of("invalid-parameter", "Invalid request parameter", 400,
                    e.getMessage(), request.path(), e.field(), requestId));
        } catch (TicketNotFoundException e) {
            return problem(Problem.of("ticket-not-found", "Ticket not found", 404,
                    "no ticket " + e.ticketId() + " for this seller", request.path(), null, requestId));
        } catch (com.deskbridge.http.UpstreamException e) {
            LOG.warn("requestId={} route={} upstream unavailable: {}", requestId, event.getRouteKey(), e.getMessage());
            long retryAfter = e instanceof com.deskbridge.http.QuotaExhaustedException q ? Math.max(1, q.retryAfter().toSeconds()) : 30;
            return response(503, PROBLEM_JSON, Problem.of("upstream-unavailable", "Amazon or a carrier is unavailable", 503,
                    e.upstream() + " did not answer in time; retry with the same Idempotency-Key", request.path(), null,
                    requestId), Map.of("retry-after", Long.toString(retryAfter)));
        } catch (RuntimeException e) {
            LOG.error("requestId={} route={} failed", requestId, event.getRouteKey(), e);
            return problem(Problem.of("internal-error", "Internal error", 500,
                    "the request failed; quote the requestId when reporting it", request.path(), null, requestId));
        }
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request, SellerId seller) {
        return switch (request.routeKey()) {
            case GET_TICKET -> ok(context.ticketView(queries.ticket(seller, request.ticketId())));
            case GET_EVIDENCE -> ok(context.evidence(queries.ticket(seller, request.ticketId()),
                    request.query("format").filter("claim"::equals).isPresent()));
            case REFRESH_TRACKING -> {
                ContextRoutes.Refreshed r = context.refresh(queries.ticket(seller, request.ticketId()));
                yield response(r.status(), "application/json", r.body());
            }
            case AUDIT_EXPORT -> {
                request.requireLead("export a ticket's audit record");
                var ticket = queries.ticket(seller, request.ticketId());
                yield ok(context.audit(ticket, seller, clock.instant()));
            }
            case LIST_TICKETS -> ok(TicketJson.listing(queries.queue(seller, filter(request),
                    request.query("limit").map(TicketApiHandler::limit).orElse(null),
                    request.query("cursor").orElse(null))));
            case NO_RESPONSE_NEEDED -> {
                TicketId id = request.ticketId();
                commands.markNoResponseNeeded(seller, id, request.agent());
                yield ok(TicketJson.detail(queries.ticket(seller, id)));
            }
            case CLOSE -> {
                TicketId id = request.ticketId();
                commands.close(seller, id, request.agent());
                yield ok(TicketJson.detail(queries.ticket(seller, id)));
            }
            case ASSIGN -> {
                TicketId id = request.ticketId();
                JsonNode body = request.jsonObject(Set.of("assignee"));
                commands.assign(seller, id, ApiRequest.text(body, "assignee", false));
                yield ok(TicketJson.detail(queries.ticket(seller, id)));
            }
            case TAGS -> {
                TicketId id = request.ticketId();
                JsonNode body = request.jsonObject(Set.of("add", "remove"));
                commands.retag(seller, id, ApiRequest.strings(body, "add"), ApiRequest.strings(body, "remove"));
                yield ok(TicketJson.detail(queries.ticket(seller, id)));
            }
            case REPLY -> reply(request, seller);
            case REFUND, CANCELLATION -> {
                var ticket = queries.ticket(seller, request.ticketId());
                ActionRoutes.Accepted accepted = REFUND.equals(request.routeKey())
                        ? actions.get().refund(request, seller, ticket) : actions.get().cancellation(request, seller, ticket);
                yield response(202, "application/json", accepted.action(), Map.of("location", accepted.location(),
                        "idempotent-replayed", Boolean.toString(accepted.replayed())));
            }
            case LIST_ACTIONS -> ok(Map.of("actions", context.actions(queries.ticket(seller, request.ticketId()))));
            case GET_ACTION -> ok(context.action(queries.ticket(seller, request.ticketId()), request.pathParameter("actionId")));
            case CHECK_COMPLIANCE -> {
                JsonNode body = request.jsonObject(Set.of("text"));
                ComplianceReport report = compliance.check(OutgoingMessage.of(ApiRequest.text(body, "text", true)));
                yield ok(ComplianceJson.report(report));
            }
            case SLA_METRICS -> {
                request.requireLead("see the SLA metrics");
                Instant to = request.instantQuery("to").orElse(clock.instant());
                Instant from = request.instantQuery("from").orElse(to.minus(Duration.ofDays(30)));
                var report = ResponseMetrics.compute(responses.responses(seller, from, to, clock.instant()), clock.instant());
                yield ok(MetricsJson.report(from, to, report));
            }
            case LIST_MACROS -> ok(MacroRoutes.catalog(replySettings.apply(seller).catalog(),
                    request.query("intent").map(i -> i.trim().toUpperCase(Locale.ROOT)).orElse(null)));
            case RENDER_MACRO -> {
                JsonNode body = request.jsonObject(Set.of("language"));
                String code = ApiRequest.text(body, "language", false);
                MacroLanguage language = code == null ? null : MacroLanguage.fromCode(code).orElseThrow(() ->
                        new InvalidInputException("language", "must be one of en, de, fr, it, es"));
                yield ok(macros.render(replySettings.apply(seller), queries.ticket(seller, request.ticketId()),
                        request.pathParameter("macroId"), language));
            }
            case GET_REPLY_SETTINGS -> setting(seller, SellerSetting.REPLY_SETTINGS, "replySettings", DEFAULT_REPLY_SETTINGS);
            case PUT_REPLY_SETTINGS -> {
                request.requireLead("change the seller's settings");
                String document = request.rawBody();
                replySettingsJson.parse(document);
                settings.save(seller, SellerSetting.REPLY_SETTINGS, document, request.agent());
                yield setting(seller, SellerSetting.REPLY_SETTINGS, "replySettings", null);
            }
            case DAILY_SLA_METRICS -> {
                request.requireLead("see the SLA metrics");
                LocalDate to = request.query("to").map(d -> day(d, "to")).orElse(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
                LocalDate from = request.query("from").map(d -> day(d, "from")).orElse(to.minusDays(30));
                if (from.isAfter(to) || from.plusDays(366).isBefore(to)) {
                    throw new InvalidInputException("from", "must be on or before to, at most 366 days earlier");
                }
                yield ok(MetricsJson.days(dailyMetrics.days(seller, from, to)));
            }
            case GET_SLA_POLICY -> setting(seller, SellerSetting.SLA_POLICY, "policy", defaultPolicy);
            case GET_TAG_RULES -> setting(seller, SellerSetting.TAG_RULES, "tagRules", NO_TAG_RULES);
            case PUT_SLA_POLICY, PUT_TAG_RULES -> {
                request.requireLead("change the seller's settings");
                String document = request.rawBody();
                boolean policy = PUT_SLA_POLICY.equals(request.routeKey());
                if (policy) {
                    policyJson.parse(document);
                } else {
                    tagRulesJson.parse(document);
                }
                SellerSetting setting = policy ? SellerSetting.SLA_POLICY : SellerSetting.TAG_RULES;
                settings.save(seller, setting, document, request.agent());
                yield setting(seller, setting, policy ? "policy" : "tagRules", null);
            }
            default -> throw new ApiProblem("no-such-route", "No such route", 404, "this API has no route " + request.routeKey());
        };
    }

    /**
     * Checks the text against Amazon's messaging rules (422 with the findings when blocked), records the reply (the
     * clock stops), and hands it to the sender. 202: sending happens next, its state shows on the message.
     */
    private APIGatewayV2HTTPResponse reply(ApiRequest request, SellerId seller) {
        TicketId id = request.ticketId();
        String key = request.header("Idempotency-Key").orElseThrow(() ->
                new InvalidInputException("Idempotency-Key", "header is required: one key per reply, reused on retries"));
        JsonNode body = request.jsonObject(Set.of("text"));
        String text = ApiRequest.text(body, "text", true);
        ComplianceReport report = compliance.check(OutgoingMessage.of(text));
        if (report.blocked()) {
            throw new ApiProblem("reply-not-compliant", "Reply breaks Amazon's messaging rules", 422,
                    report.findings().size() + " finding(s): change the text and send again", "text",
                    Map.of("findings", ComplianceJson.findings(report)));
        }
        TicketCommands.RecordedReply recorded = commands.reply(seller, id, request.agent(), text, key);
        try {
            dispatcher.dispatch(seller, id, recorded.messageKey());
        } catch (RuntimeException e) {
            // Recorded as QUEUED: the re-drive hands it over later. The agent sees the state on the message.
            LOG.warn("reply {} on ticket {} recorded but not handed to the sender yet: {}", recorded.messageKey(), id,
                    e.getClass().getSimpleName());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reply", Map.of("messageKey", recorded.messageKey(), "duplicate", recorded.duplicate()));
        out.put("ticket", TicketJson.detail(queries.ticket(seller, id)));
        return response(202, "application/json", out);
    }

    private static TicketFilter filter(ApiRequest request) {
        return new TicketFilter(
                TicketStatus.parse(request.query("status").orElse("open"), "status"),
                request.query("priority").map(p -> enumValue(Priority.class, p, "priority")).orElse(null),
                request.query("intent").map(i -> i.trim().toUpperCase(Locale.ROOT)).orElse(null),
                request.query("tag").map(String::trim).orElse(null),
                request.query("channel").map(c -> Channel.parse(c, "channel")).orElse(null),
                request.query("assignee").map(String::trim).orElse(null),
                request.instantQuery("dueBefore").orElse(null));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String field) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(raw.trim())) {
                return value;
            }
        }
        throw new InvalidInputException(field, "unknown value '" + raw + "'");
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

    /** {"default": bool, name: document}: the seller's stored setting, or the fallback. */
    private APIGatewayV2HTTPResponse setting(SellerId seller, SellerSetting setting, String name, String fallback) {
        Optional<String> stored = settings.document(seller, setting);
        try {
            return ok(Map.of("default", stored.isEmpty(), name, json.readTree(stored.orElse(fallback))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + setting + " is not JSON", e);
        }
    }

    private static LocalDate day(String raw, String field) {
        try {
            return LocalDate.parse(raw.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-21 (was '" + raw + "')");
        }
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
        return response(status, contentType, body, Map.of());
    }

    private APIGatewayV2HTTPResponse response(int status, String contentType, Object body, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("content-type", contentType);
        all.put("cache-control", "no-store");
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(status)
                    .withHeaders(all)
                    .withBody(json.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body could not be serialised", e);
        }
    }

}
