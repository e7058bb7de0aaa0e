package com.deskbridge.actions;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Violation;
import com.deskbridge.orderactions.ViolationReason;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The wire format of the actions endpoints, so the API function and the console agree on one shape (see the module
 * report): request bodies as the console posts them (every field that does not fit named, one violation each), the
 * action as {@code 202} / {@code GET} answers it, and the HTTP status of a refusal (the API's {@code ActionRoutes}
 * renders it as problem+json). Amounts travel as decimal strings.
 */
public final class ActionJson {

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

    /**
     * The documented grammar of an amount: ASCII digits, optionally a point and one or two digits ("12.50", "7", "0.5"),
     * as a JSON string. No exponent, sign, spaces, leading or trailing point, other digits; a JSON number is refused
     * too (its text is not what the agent typed, and binary floating point may have rounded it).
     */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * {@code {orderId, full, reason, lines:[{orderItemId, quantity, components:[{component, amount, currency}]}]}}:
     * strings where strings are documented, a real boolean {@code full}, whole-number quantities, amounts in the
     * grammar above, enum names exactly as documented. Every value that does not fit is named.
     */
    public static Parsed<RefundRequest> refundRequest(JsonNode body) {
        List<Violation> problems = new ArrayList<>();
        String orderId = string(body, "orderId", "orderId", problems);
        AdjustmentReason reason = enumValue(AdjustmentReason.class, body.path("reason"), "reason", problems);
        boolean full = false;
        JsonNode rawFull = body.path("full");
        if (!rawFull.isMissingNode() && !rawFull.isNull()) {
            if (rawFull.isBoolean()) {
                full = rawFull.booleanValue();
            } else {
                problems.add(new Violation("full", ViolationReason.INVALID_VALUE, "full must be true or false (a JSON boolean)"));
            }
        }
        List<RefundRequest.Line> lines = new ArrayList<>();
        JsonNode rawLines = body.path("lines");
        if (!rawLines.isMissingNode() && !rawLines.isNull() && !rawLines.isArray()) {
            problems.add(new Violation("lines", ViolationReason.INVALID_VALUE, "lines must be an array"));
        }
        for (int i = 0; rawLines.isArray() && i < rawLines.size(); i++) {
            JsonNode l = rawLines.get(i);
            String at = "lines[" + i + "]";
            Integer quantity = null;
            if (l.hasNonNull("quantity")) {
                JsonNode q = l.get("quantity");
                if (q.isIntegralNumber() && q.canConvertToInt()) {
                    quantity = q.intValue();
                } else {
                    problems.add(new Violation(at + ".quantity", ViolationReason.INVALID_QUANTITY,
                            "quantity must be a whole number (a JSON integer)"));
                }
            }
            List<RefundRequest.ComponentAmount> components = new ArrayList<>();
            JsonNode rawComponents = l.path("components");
            if (!rawComponents.isMissingNode() && !rawComponents.isNull() && !rawComponents.isArray()) {
                problems.add(new Violation(at + ".components", ViolationReason.INVALID_VALUE, "components must be an array"));
            }
            for (int c = 0; rawComponents.isArray() && c < rawComponents.size(); c++) {
                JsonNode comp = rawComponents.get(c);
                String field = at + ".components[" + c + "]";
                RefundComponent component = component(comp.path("component"), field + ".component", problems);
                components.add(new RefundRequest.ComponentAmount(component, amount(comp.path("amount"), field + ".amount", problems),
                        currency(comp.path("currency"), field + ".currency", problems)));
            }
            lines.add(new RefundRequest.Line(string(l, "orderItemId", at + ".orderItemId", problems), quantity, components));
        }
        return new Parsed<>(new RefundRequest(orderId, full, reason, lines), problems);
    }

    /** {@code {orderId, reason}}; reason may be absent for MCF orders. */
    public static Parsed<CancellationRequest> cancellationRequest(JsonNode body) {
        List<Violation> problems = new ArrayList<>();
        String orderId = string(body, "orderId", "orderId", problems);
        CancelReason reason = enumValue(CancelReason.class, body.path("reason"), "reason", problems);
        return new Parsed<>(new CancellationRequest(orderId, reason), problems);
    }

    private static BigDecimal amount(JsonNode node, String field, List<Violation> problems) {
        if (node.isTextual() && AMOUNT.matcher(node.textValue()).matches()) {
            return new BigDecimal(node.textValue());
        }
        problems.add(new Violation(field, node.isMissingNode() || node.isNull() ? ViolationReason.REQUIRED : ViolationReason.INVALID_VALUE,
                "amount must be a decimal string such as \"12.50\": digits, optionally a point and one or two digits"));
        return null;
    }

    private static String currency(JsonNode node, String field, List<Violation> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return null; // the order's currency
        }
        if (node.isTextual() && CURRENCY.matcher(node.textValue()).matches()) {
            return node.textValue();
        }
        problems.add(new Violation(field, ViolationReason.INVALID_VALUE, "currency must be an ISO 4217 code such as \"EUR\""));
        return null;
    }

    /** A string member: absent or null is null (the rules say whether it is required); any other JSON type is named. */
    private static String string(JsonNode body, String member, String field, List<Violation> problems) {
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Violation(field, ViolationReason.INVALID_VALUE, member + " must be a string"));
            return null;
        }
        return node.textValue().isBlank() ? null : node.textValue();
    }

    /** The action as the API returns it (202 body of the POSTs, GET of one action, items of the ticket's list). */
    public static ObjectNode action(OrderAction a) {
        return CommandJson.JSON.valueToTree(View.of(a));
    }

    /** {@link #action}'s members in this order; {@code channel} and {@code lines} only where the action has them. */
    record View(String actionId, String ticketId, String type, String state, boolean done, String orderId,
                String marketplaceId, Amount amount, String reason, String requestedBy, String requestedAt,
                String buyerRequestAt, String updatedAt, Feed feed, String error, Approval approval,
                @JsonInclude(Include.NON_NULL) Channel channel, @JsonInclude(Include.NON_NULL) JsonNode lines) {
        static View of(OrderAction a) {
            OrderAction.Decision d = a.decision();
            return new View(a.actionId(), a.ticketId(), a.type().name(), a.state().name(),
                    a.state() == ActionState.COMPLETED, a.orderId(), a.marketplaceId(),
                    a.amount() == null ? null : new Amount(a.amount(), a.currency()), a.reason(), a.agentId(),
                    a.requestedAt().toString(), text(a.buyerRequestAt()), text(a.updatedAt()),
                    a.feedId() == null ? null : new Feed(a.feedId(), a.messageId()), a.error(),
                    d == null ? null : new Approval(d.approved() ? "APPROVED" : "REJECTED", d.by(), d.at().toString()),
                    a.channel() == null ? null : new Channel(a.channel().name(), a.channel().externalId()),
                    a.commandJson() == null ? null : lines(CommandJson.read(a.commandJson())));
        }

        private static JsonNode lines(JsonNode command) {
            return command.path("items").isMissingNode() ? CommandJson.JSON.createArrayNode() : command.path("items");
        }

        private static String text(java.time.Instant t) {
            return t == null ? null : t.toString();
        }
    }

    record Amount(String amount, String currency) {}

    record Feed(String feedId, @JsonInclude(Include.NON_NULL) Long messageId) {}

    record Approval(String decision, String decidedBy, String decidedAt) {}

    record Channel(String name, String externalId) {}

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
        if (result instanceof ActionResult.NotConnected || result instanceof ActionResult.CapExceeded) {
            return 409;
        }
        return 400;
    }

    private static RefundComponent component(JsonNode node, String field, List<Violation> problems) {
        if (node.isMissingNode() || node.isNull()) {
            problems.add(new Violation(field, ViolationReason.REQUIRED, "component is required"));
            return null;
        }
        for (RefundComponent c : RefundComponent.values()) {
            if (node.isTextual() && c.name().equals(node.textValue())) {
                return c;
            }
        }
        problems.add(new Violation(field, ViolationReason.INVALID_VALUE, "component must be one of "
                + java.util.Arrays.toString(RefundComponent.values())));
        return null;
    }

    /** An enum value by its exact name; absent or null is null (the policy reports a missing reason where it is required). */
    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field, List<Violation> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (node.isTextual() && e.name().equals(node.textValue())) {
                return e;
            }
        }
        problems.add(new Violation(field, ViolationReason.INVALID_VALUE, "unknown " + field + " "
                + (node.isTextual() ? node.textValue() : node.toString()) + " (the names are Amazon's, e.g. "
                + type.getEnumConstants()[0].name() + ")"));
        return null;
    }
}
