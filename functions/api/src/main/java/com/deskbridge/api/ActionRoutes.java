package com.deskbridge.api;

import com.deskbridge.actions.ActionJson;
import com.deskbridge.actions.ActionResult;
import com.deskbridge.actions.OrderActions;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
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
    private static final Set<String> CANCEL_FIELDS = Set.of("orderId", "reason");
    private final OrderActions actions;

    ActionRoutes(OrderActions actions) {
        this.actions = actions;
    }

    /** An accepted action: 202 with its state, where to poll it, and whether this was a replay. */
    record Accepted(ObjectNode action, String location, boolean replayed) {
    }

    Accepted refund(ApiRequest request, SellerId seller, TicketDetail ticket) {
        JsonNode body = request.jsonObject(REFUND_FIELDS);
        ActionJson.Parsed<RefundRequest> parsed = ActionJson.refundRequest(body);
        if (!parsed.ok()) {
            throw unreadable(parsed.violations());
        }
        return accepted(ticket, actions.requestRefund(seller.value(), ticket.ticket().id().value(), request.agent(),
                key(request), parsed.value(), buyerRequestAt(ticket)));
    }

    Accepted cancellation(ApiRequest request, SellerId seller, TicketDetail ticket) {
        JsonNode body = request.jsonObject(CANCEL_FIELDS);
        ActionJson.Parsed<CancellationRequest> parsed = ActionJson.cancellationRequest(body);
        if (!parsed.ok()) {
            throw unreadable(parsed.violations());
        }
        return accepted(ticket, actions.requestCancellation(seller.value(), ticket.ticket().id().value(), request.agent(),
                key(request), parsed.value(), buyerRequestAt(ticket)));
    }

    private static String key(ApiRequest request) {
        return request.header("Idempotency-Key").orElseThrow(() -> new InvalidInputException("Idempotency-Key",
                "header is required: one key per refund or cancellation, reused on retries and double clicks"));
    }

    /** The buyer's request the action answers: the oldest unanswered message, else the ticket's first. */
    private static Instant buyerRequestAt(TicketDetail ticket) {
        return ticket.ticket().awaitingReplySince() != null ? ticket.ticket().awaitingReplySince() : ticket.ticket().createdAt();
    }

    private static Accepted accepted(TicketDetail ticket, ActionResult result) {
        if (result instanceof ActionResult.Accepted a) {
            return new Accepted(ActionJson.action(a.action()),
                    "/tickets/" + ticket.ticket().id().value() + "/actions/" + a.action().actionId(), a.replayed());
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
        if (result instanceof ActionResult.InvalidKey k) {
            throw new InvalidInputException("Idempotency-Key", k.detail());
        }
        throw new ApiProblem("ticket-not-found", "Ticket not found", 404, "no such ticket for this seller", null, null);
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
