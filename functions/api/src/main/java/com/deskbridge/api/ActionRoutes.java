package com.deskbridge.api;

import com.deskbridge.actions.ActionJson;
import com.deskbridge.actions.ActionResult;
import com.deskbridge.actions.OrderActions;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.orderactions.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Refunds and cancellations from the ticket: the request is read, validated against the live order and recorded
 * exactly once under the caller's {@code Idempotency-Key} by {@link OrderActions}; this maps its results onto HTTP.
 * Every refusal is problem+json naming the fields ({@code violations}); the same key replays the first action.
 */
final class ActionRoutes {
    private static final Set<String> REFUND_FIELDS = Set.of("orderId", "full", "reason", "lines");
    private static final Set<String> CANCEL_FIELDS = Set.of("orderId", "reason");
    static final List<Route> ROUTES = List.of(
            new Route("POST /tickets/{id}/refunds", call -> request(call, REFUND_FIELDS, ActionJson::refundRequest,
                    (actions, r) -> actions.requestRefund(r.seller(), r.ticketId(), r.agent(), r.key(), r.value(), r.buyerRequestAt()))),
            new Route("POST /tickets/{id}/cancellation", call -> request(call, CANCEL_FIELDS, ActionJson::cancellationRequest,
                    (actions, r) -> actions.requestCancellation(r.seller(), r.ticketId(), r.agent(), r.key(), r.value(),
                            r.buyerRequestAt()))));

    private ActionRoutes() {
    }

    /** A request read from the body, with who asks and under which key. */
    private record Read<T>(String seller, String ticketId, String agent, String key, T value, Instant buyerRequestAt) {
    }

    /** Reads the body, asks {@link OrderActions} once, answers 202 with the action (Location, Idempotent-Replayed). */
    private static <T> ApiResponse request(Route.Call call, Set<String> fields,
                                           java.util.function.Function<JsonNode, ActionJson.Parsed<T>> parse,
                                           BiFunction<OrderActions, Read<T>, ActionResult> ask) {
        TicketDetail ticket = call.ticket();
        ActionJson.Parsed<T> parsed = parse.apply(call.request().jsonObject(fields));
        if (!parsed.ok()) {
            throw unreadable(parsed.violations());
        }
        Read<T> read = new Read<>(call.seller().value(), ticket.ticket().id().value(), call.request().agent(),
                key(call.request()), parsed.value(), buyerRequestAt(ticket));
        ActionResult.Accepted accepted = accepted(ask.apply(call.app().orderActions().get(), read));
        return ApiResponse.json(202, ActionJson.action(accepted.action()))
                .withHeader("location", "/tickets/" + read.ticketId() + "/actions/" + accepted.action().actionId())
                .withHeader("idempotent-replayed", Boolean.toString(accepted.replayed()));
    }

    private static String key(ApiRequest request) {
        return request.header("Idempotency-Key").orElseThrow(() -> new InvalidInputException("Idempotency-Key",
                "header is required: one key per refund or cancellation, reused on retries and double clicks"));
    }

    /** The buyer's request the action answers: the oldest unanswered message, else the ticket's first. */
    private static Instant buyerRequestAt(TicketDetail ticket) {
        return ticket.ticket().awaitingReplySince() != null ? ticket.ticket().awaitingReplySince() : ticket.ticket().createdAt();
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
