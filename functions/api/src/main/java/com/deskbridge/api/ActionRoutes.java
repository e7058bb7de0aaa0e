package com.deskbridge.api;

import com.deskbridge.actions.ActionJson;
import com.deskbridge.actions.ActionResult;
import com.deskbridge.actions.ApprovalResult;
import com.deskbridge.actions.OrderActions;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.orderactions.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refunds and cancellations from the ticket: the request is read, validated against the live order and recorded
 * exactly once under the caller's {@code Idempotency-Key} by {@link OrderActions}; this maps its results onto HTTP.
 * Every refusal is problem+json naming the fields ({@code violations}); the same key replays the first action.
 */
final class ActionRoutes {
    private static final Set<String> REFUND_FIELDS = Set.of("orderId", "full", "reason", "lines");
    private static final Set<String> LINE_FIELDS = Set.of("orderItemId", "quantity", "components");
    private static final Set<String> COMPONENT_FIELDS = Set.of("component", "amount", "currency");
    private static final Set<String> CANCEL_FIELDS = Set.of("orderId", "reason");
    static final List<Route> ROUTES = List.of(
            new Route("POST /tickets/{id}/refunds", call -> {
                JsonNode body = call.request().jsonObject(REFUND_FIELDS);
                List<JsonNode> lines = ApiRequest.elements(body, "lines", "lines", LINE_FIELDS);
                for (int i = 0; i < lines.size(); i++) {
                    ApiRequest.elements(lines.get(i), "components", "lines[" + i + "].components", COMPONENT_FIELDS);
                }
                return request(call, body, ActionJson::refundRequest, (actions, ticket, agent, key, r) ->
                        actions.refund(ticket, agent, key, r));
            }),
            new Route("POST /tickets/{id}/cancellation", call -> request(call, call.request().jsonObject(CANCEL_FIELDS),
                    ActionJson::cancellationRequest, (actions, ticket, agent, key, r) -> actions.cancel(ticket, agent, key, r))),
            new Route("POST /tickets/{id}/actions/{actionId}/approve", call -> decide(call, true)),
            new Route("POST /tickets/{id}/actions/{actionId}/reject", call -> decide(call, false)));

    private ActionRoutes() {
    }

    /** Asks the ticket's actions service for one request. */
    @FunctionalInterface
    private interface Ask<T> {
        ActionResult ask(TicketActions actions, TicketDetail ticket, String agent, String key, T request);
    }

    /** Reads the body, asks {@link TicketActions} once, answers 202 with the action (Location, Idempotent-Replayed). */
    private static <T> ApiResponse request(Route.Call call, JsonNode body,
                                           java.util.function.Function<JsonNode, ActionJson.Parsed<T>> parse, Ask<T> ask) {
        call.app().limits().check(ApiLimits.Kind.MONEY, call.seller(), call.request().agent());
        TicketDetail ticket = call.ticket();
        ActionJson.Parsed<T> parsed = parse.apply(body);
        if (!parsed.ok()) {
            throw unreadable(parsed.violations());
        }
        ActionResult.Accepted accepted = accepted(ask.ask(call.app().actions(), ticket, call.request().agent(),
                key(call.request()), parsed.value()));
        return ApiResponse.json(202, ActionJson.action(accepted.action()))
                .withHeader("location", "/tickets/" + ticket.ticket().id().value() + "/actions/" + accepted.action().actionId())
                .withHeader("idempotent-replayed", Boolean.toString(accepted.replayed()));
    }

    /**
     * A lead's decision about a refund that awaits approval: 200 with the action (QUEUED, or REJECTED), also when this
     * lead had made the same decision before; 403 for the lead who asked for it (a second person decides); 409 when it
     * does not await approval (any more); 404 when the ticket has no such action.
     */
    private static ApiResponse decide(Route.Call call, boolean approve) {
        call.request().requireLead(approve ? "approve a refund" : "reject a refund");
        call.app().limits().check(ApiLimits.Kind.MONEY, call.seller(), call.request().agent());
        TicketDetail ticket = call.ticket();
        String actionId = call.request().pathParameter("actionId");
        TicketActions actions = call.app().actions();
        ApprovalResult result = approve ? actions.approve(ticket, actionId, call.request().agent())
                : actions.reject(ticket, actionId, call.request().agent());
        if (result instanceof ApprovalResult.Decided d) {
            return ApiResponse.ok(ActionJson.action(d.action())).withHeader("idempotent-replayed", Boolean.toString(d.replayed()));
        }
        if (result instanceof ApprovalResult.SecondPersonRequired) {
            throw new ApiProblem("second-person-required", "A second person must decide", 403,
                    "the refund was requested by this lead; another lead must approve or reject it", null, null);
        }
        if (result instanceof ApprovalResult.NotAwaiting n) {
            throw new ApiProblem("action-not-awaiting-approval", "The action does not await approval", 409,
                    "action " + n.action().actionId() + " is " + n.action().state() + (n.action().decision() == null ? ""
                            : ", decided by " + n.action().decision().by()), null, Map.of("state", n.action().state().name()));
        }
        throw new ApiProblem("action-not-found", "Action not found", 404, "no action " + actionId + " on this ticket", null, null);
    }

    private static String key(ApiRequest request) {
        return request.header("Idempotency-Key").orElseThrow(() -> new InvalidInputException("Idempotency-Key",
                "header is required: one key per refund or cancellation, reused on retries and double clicks"));
    }

    private static ActionResult.Accepted accepted(ActionResult result) {
        if (result instanceof ActionResult.Accepted a) {
            return a;
        }
        if (result instanceof ActionResult.Rejected r) {
            int status = ActionJson.status(result);
            Violation first = r.violations().stream().filter(v -> v.reason().status() == status).findFirst()
                    .orElse(r.violations().get(0));
            throw new ApiProblem(first.reason().slug(), status == 404 ? "Order not found"
                    : status == 409 ? "The order does not allow this action" : "The request does not fit the order",
                    status, first.detail(), first.field(), Map.of("violations", violations(r.violations())));
        }
        if (result instanceof ActionResult.KeyReused k) {
            throw new ApiProblem("idempotency-key-reused", "Idempotency-Key already used for another request", 422,
                    "this key produced action " + k.existingActionId() + " with a different request; use a new key",
                    "Idempotency-Key", Map.of("actionId", k.existingActionId()));
        }
        if (result instanceof ActionResult.NotConnected n) {
            throw new ApiProblem("amazon-account-not-connected", "The seller's Amazon account is not connected", 409,
                    n.detail(), null, null);
        }
        if (result instanceof ActionResult.CapExceeded c) {
            throw new ApiProblem("refund-daily-cap-exceeded", "The agent's daily refund cap is reached", 409, c.detail(), null,
                    capMembers(c));
        }
        if (result instanceof ActionResult.InvalidKey k) {
            throw new InvalidInputException("Idempotency-Key", k.detail());
        }
        throw new ApiProblem("ticket-not-found", "Ticket not found", 404, "no such ticket for this seller", null, null);
    }

    private static Map<String, Object> capMembers(ActionResult.CapExceeded c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("capCount", c.capCount());
        m.put("usedCount", c.usedCount());
        if (c.capAmount() != null) {
            m.put("capAmount", c.capAmount());
        }
        m.put("usedAmount", c.usedAmount());
        m.put("currency", c.currency());
        m.put("resetsAt", c.resetsAt().toString());
        return m;
    }

    private static ApiProblem unreadable(List<Violation> violations) {
        return new ApiProblem("action-unreadable", "The request does not fit the order", 422, violations.get(0).detail(),
                violations.get(0).field(), Map.of("violations", violations(violations)));
    }

    private static List<Map<String, Object>> violations(List<Violation> violations) {
        return violations.stream().map(v -> Map.<String, Object>of("field", v.field(), "reason", v.reason().slug(),
                "status", v.reason().status(), "detail", v.detail())).toList();
    }
}
