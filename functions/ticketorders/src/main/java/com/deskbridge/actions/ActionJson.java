package com.deskbridge.actions;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wire format of the actions endpoints, so the API function and the console agree on one shape (see the module
 * report): request bodies as the console posts them, the action as {@code 202} / {@code GET} answers it, and
 * problem+json for every refusal with one entry per violation naming its field. Amounts travel as decimal strings.
 */
public final class ActionJson {

    public static final String PROBLEM_BASE = "https://deskbridge.app/problems/";

    private ActionJson() {
    }

    /** A request body read into the service's input, or the fields that could not be read. */
    public record Parsed<T>(T value, List<Violation> violations) {
        public Parsed {
            violations = List.copyOf(violations);
        }

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** {@code {orderId, full, reason, lines:[{orderItemId, quantity, components:[{component, amount, currency}]}]}}. */
    public static Parsed<RefundRequest> refundRequest(JsonNode body) {
        List<Violation> problems = new ArrayList<>();
        AdjustmentReason reason = enumValue(AdjustmentReason.class, body.path("reason"), "reason", problems);
        List<RefundRequest.Line> lines = new ArrayList<>();
        JsonNode rawLines = body.path("lines");
        for (int i = 0; i < rawLines.size(); i++) {
            JsonNode l = rawLines.get(i);
            Integer quantity = null;
            if (l.hasNonNull("quantity")) {
                if (l.get("quantity").canConvertToExactIntegral()) {
                    quantity = l.get("quantity").intValue();
                } else {
                    problems.add(new Violation("lines[" + i + "].quantity", ViolationReason.INVALID_QUANTITY, "quantity must be a whole number"));
                }
            }
            List<RefundRequest.ComponentAmount> components = new ArrayList<>();
            JsonNode rawComponents = l.path("components");
            for (int c = 0; c < rawComponents.size(); c++) {
                JsonNode comp = rawComponents.get(c);
                String field = "lines[" + i + "].components[" + c + "]";
                RefundComponent component = component(comp.path("component"), field + ".component", problems);
                BigDecimal amount = null;
                JsonNode a = comp.path("amount");
                try {
                    amount = a.isTextual() || a.isNumber() ? new BigDecimal(a.asText().trim()) : null;
                } catch (NumberFormatException e) {
                    amount = null;
                }
                if (amount == null) {
                    problems.add(new Violation(field + ".amount", ViolationReason.REQUIRED, "amount must be a decimal such as \"12.50\""));
                }
                components.add(new RefundRequest.ComponentAmount(component, amount, text(comp.path("currency"))));
            }
            lines.add(new RefundRequest.Line(text(l.path("orderItemId")), quantity, components));
        }
        return new Parsed<>(new RefundRequest(text(body.path("orderId")), body.path("full").asBoolean(false), reason, lines), problems);
    }

    /** {@code {orderId, reason}}; reason may be absent for MCF orders. */
    public static Parsed<CancellationRequest> cancellationRequest(JsonNode body) {
        List<Violation> problems = new ArrayList<>();
        CancelReason reason = enumValue(CancelReason.class, body.path("reason"), "reason", problems);
        return new Parsed<>(new CancellationRequest(text(body.path("orderId")), reason), problems);
    }

    /** The action as the API returns it (202 body of the POSTs, GET of one action, items of the ticket's list). */
    public static ObjectNode action(OrderAction a) {
        ObjectNode n = CommandJson.JSON.createObjectNode();
        n.put("actionId", a.actionId());
        n.put("ticketId", a.ticketId());
        n.put("type", a.type().name());
        n.put("state", a.state().name());
        n.put("done", a.state() == ActionState.COMPLETED);
        n.put("orderId", a.orderId());
        n.put("marketplaceId", a.marketplaceId());
        if (a.amount() != null) {
            n.putObject("amount").put("amount", a.amount()).put("currency", a.currency());
        } else {
            n.putNull("amount");
        }
        n.put("reason", a.reason());
        n.put("requestedBy", a.agentId());
        n.put("requestedAt", a.requestedAt().toString());
        n.put("buyerRequestAt", a.buyerRequestAt() == null ? null : a.buyerRequestAt().toString());
        n.put("updatedAt", a.updatedAt() == null ? null : a.updatedAt().toString());
        if (a.feedId() != null) {
            ObjectNode feed = n.putObject("feed").put("feedId", a.feedId());
            if (a.messageId() != null) {
                feed.put("messageId", a.messageId());
            }
        } else {
            n.putNull("feed");
        }
        n.put("error", a.error());
        if (a.commandJson() != null) {
            JsonNode command = CommandJson.read(a.commandJson());
            n.set("lines", command.path("items").isMissingNode() ? CommandJson.JSON.createArrayNode() : command.path("items"));
        }
        return n;
    }

    /** The HTTP status for a result: 202 accepted (replays included), else the refusal's status. */
    public static int status(ActionResult result) {
        if (result instanceof ActionResult.Accepted) {
            return 202;
        }
        if (result instanceof ActionResult.Rejected r) {
            return r.status();
        }
        if (result instanceof ActionResult.KeyReused) {
            return 422;
        }
        if (result instanceof ActionResult.TicketNotFound) {
            return 404;
        }
        if (result instanceof ActionResult.NotConnected) {
            return 409;
        }
        return 400;
    }

    /** The response body: the action for 202, problem+json otherwise. */
    public static ObjectNode body(ActionResult result) {
        if (result instanceof ActionResult.Accepted a) {
            return action(a.action());
        }
        ObjectNode p = CommandJson.JSON.createObjectNode();
        int status = status(result);
        if (result instanceof ActionResult.Rejected r) {
            p.put("type", PROBLEM_BASE + r.violations().stream().filter(v -> v.reason().status() == status)
                    .findFirst().orElse(r.violations().get(0)).reason().slug());
            p.put("title", status == 404 ? "Order not found" : status == 409 ? "The order does not allow this action"
                    : "The request does not fit the order");
            p.put("status", status);
            p.put("detail", r.violations().get(0).detail());
            violations(p.putArray("violations"), r.violations());
        } else if (result instanceof ActionResult.KeyReused k) {
            p.put("type", PROBLEM_BASE + "idempotency-key-reused").put("title", "Idempotency-Key already used for another request")
                    .put("status", status).put("detail", "This key produced action " + k.existingActionId()
                            + " with a different request; use a new key for a new request.")
                    .put("actionId", k.existingActionId());
        } else if (result instanceof ActionResult.TicketNotFound t) {
            p.put("type", PROBLEM_BASE + "ticket-not-found").put("title", "Ticket not found").put("status", status)
                    .put("detail", "No ticket " + t.ticketId());
        } else if (result instanceof ActionResult.NotConnected n) {
            p.put("type", PROBLEM_BASE + "amazon-account-not-connected").put("title", "The seller's Amazon account is not connected")
                    .put("status", status).put("detail", n.detail());
        } else if (result instanceof ActionResult.InvalidKey k) {
            p.put("type", PROBLEM_BASE + "idempotency-key-required").put("title", "Idempotency-Key header required")
                    .put("status", status).put("detail", k.detail());
        }
        return p;
    }

    /** problem+json for a body that could not be read (status 422). */
    public static ObjectNode unreadable(List<Violation> violations) {
        ObjectNode p = CommandJson.JSON.createObjectNode();
        p.put("type", PROBLEM_BASE + violations.get(0).reason().slug()).put("title", "The request does not fit the order")
                .put("status", 422).put("detail", violations.get(0).detail());
        violations(p.putArray("violations"), violations);
        return p;
    }

    private static void violations(ArrayNode out, List<Violation> violations) {
        for (Violation v : violations) {
            out.addObject().put("field", v.field()).put("reason", v.reason().slug()).put("status", v.reason().status())
                    .put("detail", v.detail());
        }
    }

    private static RefundComponent component(JsonNode node, String field, List<Violation> problems) {
        String raw = text(node);
        if (raw == null) {
            problems.add(new Violation(field, ViolationReason.REQUIRED, "component is required"));
            return null;
        }
        for (RefundComponent c : RefundComponent.values()) {
            if (c.name().equalsIgnoreCase(raw) || c.feedType().equalsIgnoreCase(raw)) {
                return c;
            }
        }
        problems.add(new Violation(field, ViolationReason.REQUIRED, "unknown component " + raw));
        return null;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field, List<Violation> problems) {
        String raw = text(node);
        if (raw == null) {
            return null; // the policy reports a missing reason where it is required
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(raw.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        problems.add(new Violation(field, ViolationReason.REQUIRED, "unknown " + field + " " + raw));
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asText().isBlank() ? null : node.asText().trim();
    }
}
