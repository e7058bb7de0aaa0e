package com.deskbridge.sim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The purpose-built executor behind the simulator's Admin GraphQL endpoint: it resolves the root fields Deskbridge
 * uses ({@code order}, {@code orders}, {@code job}, {@code refundCreate}, {@code orderCancel}) over the world in
 * Shopify's types and shapes (https://shopify.dev/docs/api/admin-graphql), projects the result onto the request's
 * selection set, and reports fields the schema lacks as Shopify does ({@code undefinedField}). It also computes the
 * query cost Shopify's throttle uses (https://shopify.dev/docs/api/usage/rate-limits): requested cost from the
 * selection (scalars 0, objects 1, connections 2 + {@code first} × the node's cost, mutations 10), actual cost from
 * what was returned.
 */
final class ShopifyGraphql {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Set<String> CANCEL_REASONS = Set.of("CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "STAFF", "OTHER");
    static final Set<String> RESTOCK_TYPES = Set.of("NO_RESTOCK", "CANCEL", "RETURN", "LEGACY_RESTOCK");

    /** An execution error that aborts the whole request (reported in {@code errors}, no {@code data}). */
    static final class RequestError extends RuntimeException {
        final String code;

        RequestError(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** The result: data (or null), errors, actual cost. */
    record Result(JsonNode data, ArrayNode errors, int actualCost) {}

    /** A webhook the world change produced (topic + REST-shaped body). */
    record Change(String topic, ShopifyWorld.Order order, ShopifyWorld.Refund refund) {}

    private record IdempotentRefund(String fingerprint, long refundId) {}

    private final ShopifyWorld world;
    private final Clock clock;
    private final Consumer<Change> changes;
    private final Map<String, IdempotentRefund> idempotency = new LinkedHashMap<>();

    ShopifyGraphql(ShopifyWorld world, Clock clock, Consumer<Change> changes) {
        this.world = world;
        this.clock = clock;
        this.changes = changes;
    }

    /** The requested cost of an operation, from its selection alone. */
    static int requestedCost(Gql.Operation op) {
        int cost = 0;
        for (Gql.Field f : op.selections()) {
            cost += op.type().equals("mutation") ? 10 + fieldsCost(f.selections()) : fieldCost(f);
        }
        return cost;
    }

    private static int fieldCost(Gql.Field f) {
        if (f.selections().isEmpty()) {
            return 0;
        }
        Object first = f.args().get("first");
        if (first instanceof JsonNode n && n.isNumber()) {
            int nodeCost = 1;
            for (Gql.Field c : f.selections()) {
                if (c.name().equals("nodes")) {
                    nodeCost = Math.max(nodeCost, 1 + fieldsCost(c.selections()));
                } else if (c.name().equals("edges")) {
                    for (Gql.Field e : c.selections()) {
                        if (e.name().equals("node")) {
                            nodeCost = Math.max(nodeCost, 1 + fieldsCost(e.selections()));
                        }
                    }
                }
            }
            boolean connection = f.selections().stream().anyMatch(c -> c.name().equals("nodes") || c.name().equals("edges"));
            return connection ? 2 + n.asInt() * nodeCost : n.asInt() * (1 + fieldsCost(f.selections()));
        }
        return 1 + fieldsCost(f.selections());
    }

    private static int fieldsCost(List<Gql.Field> fields) {
        return fields.stream().mapToInt(ShopifyGraphql::fieldCost).sum();
    }

    Result execute(Gql.Operation op, JsonNode variables, ShopifyWorld.Shop shop, String apiVersion) {
        ArrayNode errors = F.arrayNode();
        ObjectNode data = F.objectNode();
        int[] cost = {0};
        for (Gql.Field root : op.selections()) {
            Object value;
            if (op.type().equals("mutation")) {
                cost[0] += 10;
                value = mutation(root, variables, shop, apiVersion);
            } else {
                value = query(root, variables, shop);
            }
            Map<String, JsonNode> args = args(root, variables);
            data.set(root.responseKey(), project(value, root, op.type().equals("mutation") ? "Mutation" : "QueryRoot",
                    List.of(root.responseKey()), errors, cost, variables, args, true));
        }
        boolean validation = false;
        for (JsonNode e : errors) {
            validation |= e.path("extensions").path("code").asText().equals("undefinedField")
                    || e.path("extensions").path("code").asText().equals("selectionMismatch");
        }
        return new Result(validation ? null : data, errors, cost[0]);
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    private Object query(Gql.Field root, JsonNode variables, ShopifyWorld.Shop shop) {
        Map<String, JsonNode> args = args(root, variables);
        return switch (root.name()) {
            case "order" -> orderById(shop, args.getOrDefault("id", NullNode.getInstance()).asText("")).map(this::order).orElse(null);
            case "orders" -> {
                List<ShopifyWorld.Order> found = search(shop, args.getOrDefault("query", NullNode.getInstance()).asText(""));
                String sortKey = args.getOrDefault("sortKey", F.textNode("ID")).asText("ID");
                Comparator<ShopifyWorld.Order> order = sortKey.equals("CREATED_AT") ? Comparator.comparing(o -> o.createdAt)
                        : sortKey.equals("UPDATED_AT") ? Comparator.comparing(o -> o.updatedAt) : Comparator.comparingLong(o -> o.id);
                if (args.getOrDefault("reverse", F.booleanNode(false)).asBoolean(false)) {
                    order = order.reversed();
                }
                List<Object> objs = found.stream().sorted(order).map(o -> (Object) order(o)).toList();
                int first = args.containsKey("first") ? args.get("first").asInt(50) : 50;
                yield new Obj.Conn(objs.subList(0, Math.min(first, objs.size())), objs.size() > first);
            }
            case "job" -> {
                ShopifyWorld.Job job = world.jobs.get(args.getOrDefault("id", NullNode.getInstance()).asText(""));
                yield job == null ? null : new Obj("Job").v("id", job.id).v("done", job.done);
            }
            default -> new Unknown();
        };
    }

    private Optional<ShopifyWorld.Order> orderById(ShopifyWorld.Shop shop, String gid) {
        if (!gid.startsWith("gid://shopify/Order/")) {
            throw new RequestError("INVALID_ID", "Invalid global id '" + gid + "'");
        }
        try {
            ShopifyWorld.Order o = world.orders.get(Long.parseLong(gid.substring("gid://shopify/Order/".length())));
            return o == null || !o.shop.equals(shop.domain) ? Optional.empty() : Optional.of(o);
        } catch (NumberFormatException e) {
            throw new RequestError("INVALID_ID", "Invalid global id '" + gid + "'");
        }
    }

    /** Shopify's search syntax for the terms Deskbridge uses: {@code name:}, {@code email:}, combined with AND. */
    private List<ShopifyWorld.Order> search(ShopifyWorld.Shop shop, String query) {
        List<ShopifyWorld.Order> out = new ArrayList<>();
        for (ShopifyWorld.Order o : world.orders.values()) {
            if (!o.shop.equals(shop.domain)) {
                continue;
            }
            boolean match = true;
            for (String term : query.trim().isEmpty() ? new String[0] : query.trim().split("\\s+(?i:AND)\\s+|\\s+")) {
                int colon = term.indexOf(':');
                if (colon < 0) {
                    match &= o.name.equalsIgnoreCase(term) || (o.email != null && o.email.equalsIgnoreCase(term));
                    continue;
                }
                String key = term.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = unquote(term.substring(colon + 1));
                match &= switch (key) {
                    case "name" -> o.name.equalsIgnoreCase(value) || o.name.equalsIgnoreCase("#" + value);
                    case "email" -> o.email != null && o.email.equalsIgnoreCase(value);
                    case "status" -> true;
                    default -> false;
                };
            }
            if (match) {
                out.add(o);
            }
        }
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
    }

    // ---- mutations ---------------------------------------------------------------------------------------------

    private Object mutation(Gql.Field root, JsonNode variables, ShopifyWorld.Shop shop, String apiVersion) {
        Map<String, JsonNode> args = args(root, variables);
        return switch (root.name()) {
            case "refundCreate" -> refundCreate(root, args, variables, shop, apiVersion);
            case "orderCancel" -> orderCancel(args, shop);
            default -> new Unknown();
        };
    }

    private Obj refundCreate(Gql.Field root, Map<String, JsonNode> args, JsonNode variables, ShopifyWorld.Shop shop, String apiVersion) {
        String key = null;
        for (Gql.Directive d : root.directives()) {
            if (d.name().equals("idempotent")) {
                key = Gql.value(d.args().get("key"), variables).asText(null);
            }
        }
        if (key == null && apiVersion.compareTo("2026-04") >= 0) {
            throw new RequestError("IDEMPOTENCY_KEY_REQUIRED", "The @idempotent directive is required for refundCreate in API version "
                    + apiVersion + ".");
        }
        JsonNode input = args.getOrDefault("input", NullNode.getInstance());
        String fingerprint = input.toString();
        if (key != null) {
            IdempotentRefund seen = idempotency.get(shop.domain + "|" + key);
            if (seen != null) {
                if (!seen.fingerprint.equals(fingerprint)) {
                    throw new RequestError("IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
                            "The same idempotency key cannot be used with different operation parameters.");
                }
                for (ShopifyWorld.Order o : world.orders.values()) {
                    for (ShopifyWorld.Refund r : o.refunds) {
                        if (r.id == seen.refundId) {
                            return payload(refund(o, r), order(o), List.of());
                        }
                    }
                }
            }
        }
        List<ObjectNode> userErrors = new ArrayList<>();
        Optional<ShopifyWorld.Order> found = input.path("orderId").isTextual() ? orderById(shop, input.get("orderId").asText()) : Optional.empty();
        if (found.isEmpty()) {
            userErrors.add(userError("Order does not exist", "orderId"));
            return payload(null, null, userErrors);
        }
        ShopifyWorld.Order o = found.get();
        Instant now = clock.instant();
        List<ShopifyWorld.RefundLine> lines = new ArrayList<>();
        int i = 0;
        for (JsonNode l : input.path("refundLineItems")) {
            Optional<ShopifyWorld.LineItem> line = lineById(o, l.path("lineItemId").asText(""));
            int qty = l.path("quantity").asInt(0);
            String restock = l.path("restockType").asText("NO_RESTOCK");
            if (line.isEmpty()) {
                userErrors.add(userError("Line item does not exist", "refundLineItems", String.valueOf(i), "lineItemId"));
            } else if (qty < 1 || qty > line.get().quantity - line.get().refundedQuantity) {
                userErrors.add(userError("Quantity cannot refund more items than were purchased", "refundLineItems", String.valueOf(i),
                        "quantity"));
            } else if (!RESTOCK_TYPES.contains(restock)) {
                userErrors.add(userError("Restock type is invalid", "refundLineItems", String.valueOf(i), "restockType"));
            } else {
                lines.add(new ShopifyWorld.RefundLine(line.get().id, qty,
                        line.get().unitPrice.multiply(BigDecimal.valueOf(qty)), line.get().unitTax().multiply(BigDecimal.valueOf(qty))));
            }
            i++;
        }
        BigDecimal shippingRemaining = o.shippingPrice.subtract(o.shippingRefunded());
        BigDecimal shipping = BigDecimal.ZERO;
        JsonNode ship = input.path("shipping");
        if (ship.path("fullRefund").asBoolean(false)) {
            shipping = shippingRemaining;
        } else if (ship.hasNonNull("amount")) {
            shipping = money(ship.get("amount"));
            if (shipping.compareTo(shippingRemaining) > 0) {
                userErrors.add(userError("Shipping refund amount is greater than the refundable shipping amount", "shipping", "amount"));
            }
        }
        BigDecimal refundable = o.received().subtract(o.refunded());
        List<ShopifyWorld.Transaction> transactions = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        i = 0;
        for (JsonNode t : input.path("transactions")) {
            BigDecimal amount = money(t.path("amount"));
            long parentId = gidNumber(t.path("parentId").asText(""), "OrderTransaction");
            Optional<ShopifyWorld.Transaction> parent = o.transactions.stream().filter(x -> x.id() == parentId && x.kind().equals("SALE")).findFirst();
            if (parent.isEmpty()) {
                userErrors.add(userError("Parent transaction does not exist", "transactions", String.valueOf(i), "parentId"));
            } else if (!"REFUND".equals(t.path("kind").asText(""))) {
                userErrors.add(userError("Kind must be REFUND", "transactions", String.valueOf(i), "kind"));
            } else if (!parent.get().gateway().equals(t.path("gateway").asText(""))) {
                userErrors.add(userError("Gateway must match the parent transaction's gateway", "transactions", String.valueOf(i), "gateway"));
            } else if (amount.signum() <= 0) {
                userErrors.add(userError("Amount must be greater than zero", "transactions", String.valueOf(i), "amount"));
            } else {
                transactions.add(new ShopifyWorld.Transaction(world.newId(), "REFUND", "SUCCESS", parent.get().gateway(), amount,
                        parentId, now));
                sum = sum.add(amount);
            }
            i++;
        }
        if (sum.compareTo(refundable) > 0) {
            userErrors.add(userError("Amount cannot exceed the refundable amount of " + refundable.toPlainString() + " " + o.currency,
                    "transactions"));
        }
        if (lines.isEmpty() && transactions.isEmpty() && shipping.signum() == 0 && userErrors.isEmpty()) {
            userErrors.add(userError("Refund must include line items, shipping or transactions", "input"));
        }
        if (!userErrors.isEmpty()) {
            return payload(null, null, userErrors);
        }
        ShopifyWorld.Refund refund = new ShopifyWorld.Refund(world.newId(), now, input.path("note").asText(null), lines, shipping, transactions);
        apply(o, refund, now);
        if (key != null) {
            idempotency.put(shop.domain + "|" + key, new IdempotentRefund(fingerprint, refund.id));
        }
        return payload(refund(o, refund), order(o), List.of());
    }

    private void apply(ShopifyWorld.Order o, ShopifyWorld.Refund refund, Instant now) {
        for (ShopifyWorld.RefundLine l : refund.lines) {
            o.line(l.lineItemId()).orElseThrow().refundedQuantity += l.quantity();
        }
        o.refunds.add(refund);
        o.transactions.addAll(refund.transactions);
        o.updatedAt = now;
        changes.accept(new Change("refunds/create", o, refund));
        changes.accept(new Change("orders/updated", o, null));
    }

    private Obj orderCancel(Map<String, JsonNode> args, ShopifyWorld.Shop shop) {
        String reason = args.getOrDefault("reason", NullNode.getInstance()).asText("");
        if (!CANCEL_REASONS.contains(reason)) {
            throw new RequestError("argumentLiteralsIncompatible", "Argument 'reason' on Field 'orderCancel' has an invalid value ("
                    + reason + "). Expected type 'OrderCancelReason!'.");
        }
        if (!args.containsKey("restock") || !args.get("restock").isBoolean()) {
            throw new RequestError("missingRequiredArguments", "Field 'orderCancel' is missing required arguments: restock");
        }
        List<ObjectNode> errors = new ArrayList<>();
        Optional<ShopifyWorld.Order> found = orderById(shop, args.getOrDefault("orderId", NullNode.getInstance()).asText(""));
        if (found.isEmpty()) {
            errors.add(cancelError("NOT_FOUND", "Order does not exist", "orderId"));
        } else if (found.get().cancelledAt != null) {
            errors.add(cancelError("INVALID", "Order has already been cancelled", "orderId"));
        } else if (found.get().fulfillments.stream().anyMatch(f -> !f.status.equals("CANCELLED"))) {
            errors.add(cancelError("INVALID", "Cannot cancel an order with fulfillments; cancel the fulfillments first", "orderId"));
        }
        Obj payload = new Obj("OrderCancelPayload");
        if (!errors.isEmpty()) {
            return payload.v("job", null).v("orderCancelUserErrors", errors.stream().map(this::errorObj).toList()).v("userErrors", List.of());
        }
        ShopifyWorld.Order o = found.get();
        boolean refund = args.containsKey("refundMethod")
                ? args.get("refundMethod").path("originalPaymentMethodsRefund").asBoolean(false)
                : args.getOrDefault("refund", F.booleanNode(false)).asBoolean(false);
        String jobId = "gid://shopify/Job/" + UUID.randomUUID();
        Instant now = clock.instant();
        ShopifyWorld.Job job = new ShopifyWorld.Job(jobId, now.plus(world.jobDelay), () -> {
            Instant at = clock.instant();
            o.cancelledAt = at;
            o.cancelReason = reason;
            o.updatedAt = at;
            BigDecimal due = o.received().subtract(o.refunded());
            if (refund && due.signum() > 0) {
                List<ShopifyWorld.RefundLine> lines = new ArrayList<>();
                for (ShopifyWorld.LineItem l : o.lineItems) {
                    int qty = l.quantity - l.refundedQuantity;
                    if (qty > 0) {
                        lines.add(new ShopifyWorld.RefundLine(l.id, qty, l.unitPrice.multiply(BigDecimal.valueOf(qty)),
                                l.unitTax().multiply(BigDecimal.valueOf(qty))));
                    }
                }
                ShopifyWorld.Transaction sale = o.transactions.stream().filter(t -> t.kind().equals("SALE")).findFirst().orElseThrow();
                apply(o, new ShopifyWorld.Refund(world.newId(), at, "Order cancelled", lines, o.shippingPrice.subtract(o.shippingRefunded()),
                        List.of(new ShopifyWorld.Transaction(world.newId(), "REFUND", "SUCCESS", sale.gateway(), due, sale.id(), at))), at);
            } else {
                changes.accept(new Change("orders/updated", o, null));
            }
        });
        world.jobs.put(jobId, job);
        return payload.v("job", new Obj("Job").v("id", jobId).v("done", false)).v("orderCancelUserErrors", List.of())
                .v("userErrors", List.of());
    }

    /** Finishes the jobs whose time has come (also runs before every request). */
    void processDueJobs() {
        Instant now = clock.instant();
        for (ShopifyWorld.Job job : world.jobs.values()) {
            if (!job.done && !now.isBefore(job.doneAt)) {
                job.work.run();
                job.done = true;
            }
        }
    }

    // ---- objects -----------------------------------------------------------------------------------------------

    Obj order(ShopifyWorld.Order o) {
        String cur = o.currency;
        return new Obj("Order")
                .v("id", "gid://shopify/Order/" + o.id)
                .v("legacyResourceId", String.valueOf(o.id))
                .v("name", o.name)
                .v("email", o.email)
                .v("createdAt", o.createdAt.toString())
                .v("updatedAt", o.updatedAt.toString())
                .v("cancelledAt", o.cancelledAt == null ? null : o.cancelledAt.toString())
                .v("cancelReason", o.cancelReason)
                .v("currencyCode", cur)
                .v("taxesIncluded", false)
                .f("displayFinancialStatus", a -> o.financialStatus())
                .f("displayFulfillmentStatus", a -> o.fulfillmentStatus())
                .f("totalPriceSet", a -> bag(o.total(), cur))
                .f("totalReceivedSet", a -> bag(o.received(), cur))
                .f("totalRefundedSet", a -> bag(o.refunded(), cur))
                .f("totalShippingPriceSet", a -> bag(o.shippingPrice, cur))
                .f("totalTaxSet", a -> bag(o.lineItems.stream().map(l -> l.unitTax().multiply(BigDecimal.valueOf(l.quantity)))
                        .reduce(o.shippingTax, BigDecimal::add), cur))
                .f("shippingLine", a -> o.shippingPrice.signum() == 0 ? null : new Obj("ShippingLine").v("title", "Standard")
                        .v("originalPriceSet", bag(o.shippingPrice, cur))
                        .v("taxLines", o.shippingTax.signum() == 0 ? List.of() : List.of(taxLine(o.shippingTax, cur))))
                .conn("lineItems", () -> o.lineItems.stream().map(l -> (Object) lineItem(o, l)).toList())
                .list("fulfillments", () -> o.fulfillments.stream().map(f -> (Object) fulfillment(o, f)).toList())
                .list("refunds", () -> o.refunds.stream().map(r -> (Object) refund(o, r)).toList())
                .list("transactions", () -> o.transactions.stream().map(t -> (Object) transaction(o, t)).toList())
                .f("suggestedRefund", args -> suggestedRefund(o, args));
    }

    private Obj lineItem(ShopifyWorld.Order o, ShopifyWorld.LineItem l) {
        BigDecimal qty = BigDecimal.valueOf(l.quantity);
        return new Obj("LineItem")
                .v("id", "gid://shopify/LineItem/" + l.id)
                .v("sku", l.sku)
                .v("title", l.title)
                .v("name", l.title)
                .v("quantity", l.quantity)
                .f("currentQuantity", a -> l.quantity - l.refundedQuantity)
                .f("refundableQuantity", a -> l.quantity - l.refundedQuantity)
                .v("originalUnitPriceSet", bag(l.unitPrice, o.currency))
                .v("discountedUnitPriceSet", bag(l.unitPrice, o.currency))
                .v("originalTotalSet", bag(l.unitPrice.multiply(qty), o.currency))
                .v("discountedTotalSet", bag(l.unitPrice.multiply(qty), o.currency))
                .v("taxLines", l.taxRate.signum() == 0 ? List.of() : List.of(taxLine(l.unitTax().multiply(qty), o.currency)
                        .v("rate", l.taxRate.doubleValue())));
    }

    private static Obj taxLine(BigDecimal amount, String currency) {
        return new Obj("TaxLine").v("title", "VAT").v("priceSet", bag(amount, currency));
    }

    private Obj fulfillment(ShopifyWorld.Order o, ShopifyWorld.Fulfillment f) {
        return new Obj("Fulfillment")
                .v("id", "gid://shopify/Fulfillment/" + f.id)
                .v("status", f.status)
                .v("displayStatus", f.status.equals("SUCCESS") ? "FULFILLED" : f.status)
                .v("createdAt", f.createdAt.toString())
                .list("trackingInfo", () -> f.number == null ? List.of() : List.of(new Obj("FulfillmentTrackingInfo")
                        .v("company", f.company).v("number", f.number).v("url", f.url)))
                .conn("fulfillmentLineItems", () -> f.lineItems.entrySet().stream().map(e -> (Object) new Obj("FulfillmentLineItem")
                        .v("id", "gid://shopify/FulfillmentLineItem/" + f.id + e.getKey()).v("quantity", e.getValue())
                        .v("lineItem", o.line(e.getKey()).map(l -> lineItem(o, l)).orElse(null))).toList());
    }

    Obj refund(ShopifyWorld.Order o, ShopifyWorld.Refund r) {
        return new Obj("Refund")
                .v("id", "gid://shopify/Refund/" + r.id)
                .v("createdAt", r.createdAt.toString())
                .v("note", r.note)
                .v("totalRefundedSet", bag(r.total(), o.currency))
                .conn("refundLineItems", () -> r.lines.stream().map(l -> (Object) new Obj("RefundLineItem")
                        .v("lineItem", o.line(l.lineItemId()).map(li -> lineItem(o, li)).orElse(null))
                        .v("quantity", l.quantity()).v("restockType", "NO_RESTOCK")
                        .v("subtotalSet", bag(l.subtotal(), o.currency)).v("totalTaxSet", bag(l.tax(), o.currency))).toList())
                .v("refundShippingLines", List.of())
                .conn("transactions", () -> r.transactions.stream().map(t -> (Object) transaction(o, t)).toList());
    }

    private Obj transaction(ShopifyWorld.Order o, ShopifyWorld.Transaction t) {
        return new Obj("OrderTransaction")
                .v("id", "gid://shopify/OrderTransaction/" + t.id())
                .v("kind", t.kind())
                .v("status", t.status())
                .v("gateway", t.gateway())
                .v("createdAt", t.createdAt().toString())
                .v("amountSet", bag(t.amount(), o.currency))
                .f("parentTransaction", a -> t.parentId() == null ? null : o.transactions.stream().filter(x -> x.id() == t.parentId())
                        .findFirst().map(x -> transaction(o, x)).orElse(null));
    }

    /** Shopify's refund calculation for the given lines and shipping (the order's {@code suggestedRefund} field). */
    private Obj suggestedRefund(ShopifyWorld.Order o, Map<String, JsonNode> args) {
        String cur = o.currency;
        boolean full = args.getOrDefault("suggestFullRefund", F.booleanNode(false)).asBoolean(false);
        List<Object> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        Map<Long, Integer> wanted = new LinkedHashMap<>();
        if (full) {
            o.lineItems.forEach(l -> wanted.put(l.id, l.quantity - l.refundedQuantity));
        } else {
            for (JsonNode l : args.getOrDefault("refundLineItems", F.arrayNode())) {
                lineById(o, l.path("lineItemId").asText("")).ifPresent(li -> wanted.merge(li.id, l.path("quantity").asInt(0), Integer::sum));
            }
        }
        for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
            ShopifyWorld.LineItem l = o.line(e.getKey()).orElseThrow();
            int qty = Math.max(0, Math.min(e.getValue(), l.quantity - l.refundedQuantity));
            if (qty == 0) {
                continue;
            }
            BigDecimal sub = l.unitPrice.multiply(BigDecimal.valueOf(qty));
            BigDecimal t = l.unitTax().multiply(BigDecimal.valueOf(qty));
            subtotal = subtotal.add(sub);
            tax = tax.add(t);
            lines.add(new Obj("RefundLineItem").v("lineItem", lineItem(o, l)).v("quantity", qty).v("restockType", "NO_RESTOCK")
                    .v("priceSet", bag(l.unitPrice, cur)).v("subtotalSet", bag(sub, cur)).v("totalTaxSet", bag(t, cur)));
        }
        BigDecimal shippingRemaining = o.shippingPrice.subtract(o.shippingRefunded().min(o.shippingPrice));
        BigDecimal shipping = BigDecimal.ZERO;
        if (full || args.getOrDefault("refundShipping", F.booleanNode(false)).asBoolean(false)) {
            shipping = shippingRemaining;
        } else if (args.containsKey("shippingAmount") && !args.get("shippingAmount").isNull()) {
            shipping = money(args.get("shippingAmount")).min(shippingRemaining);
        }
        BigDecimal shippingTax = o.shippingPrice.signum() == 0 ? BigDecimal.ZERO
                : shipping.multiply(o.shippingTax).divide(o.shippingPrice, 2, RoundingMode.HALF_EVEN);
        BigDecimal maximum = o.received().subtract(o.refunded());
        BigDecimal amount = subtotal.add(tax).add(shipping).add(shippingTax).min(maximum);
        List<Object> transactions = new ArrayList<>();
        BigDecimal left = amount;
        for (ShopifyWorld.Transaction sale : o.transactions.stream().filter(t -> t.kind().equals("SALE")).toList()) {
            BigDecimal refundedFromSale = o.transactions.stream().filter(t -> sale.id() == (t.parentId() == null ? -1 : t.parentId()))
                    .map(ShopifyWorld.Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal room = sale.amount().subtract(refundedFromSale);
            BigDecimal take = left.min(room);
            if (take.signum() > 0) {
                transactions.add(new Obj("SuggestedOrderTransaction").v("kind", "SUGGESTED_REFUND").v("gateway", sale.gateway())
                        .v("amountSet", bag(take, cur)).v("maximumRefundableSet", bag(room, cur))
                        .v("parentTransaction", transaction(o, sale)));
                left = left.subtract(take);
            }
        }
        BigDecimal shippingTaxFinal = shippingTax;
        BigDecimal shippingFinal = shipping;
        return new Obj("SuggestedRefund")
                .v("amountSet", bag(amount, cur))
                .v("subtotalSet", bag(subtotal, cur))
                .v("discountedSubtotalSet", bag(subtotal, cur))
                .v("totalTaxSet", bag(tax.add(shippingTax), cur))
                .v("totalCartDiscountAmountSet", bag(BigDecimal.ZERO, cur))
                .v("totalDutiesSet", bag(BigDecimal.ZERO, cur))
                .v("maximumRefundableSet", bag(maximum, cur))
                .f("shipping", a -> new Obj("ShippingRefund").v("amountSet", bag(shippingFinal, cur))
                        .v("taxSet", bag(shippingTaxFinal, cur)).v("maximumRefundableSet", bag(shippingRemaining, cur)))
                .v("refundLineItems", lines)
                .v("refundDuties", List.of())
                .v("suggestedTransactions", transactions);
    }

    private Optional<ShopifyWorld.LineItem> lineById(ShopifyWorld.Order o, String gid) {
        try {
            long id = gidNumber(gid, "LineItem");
            return o.line(id);
        } catch (RequestError e) {
            return Optional.empty();
        }
    }

    private static long gidNumber(String gid, String type) {
        String prefix = "gid://shopify/" + type + "/";
        if (!gid.startsWith(prefix)) {
            throw new RequestError("INVALID_ID", "Invalid global id '" + gid + "'");
        }
        try {
            return Long.parseLong(gid.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw new RequestError("INVALID_ID", "Invalid global id '" + gid + "'");
        }
    }

    static Obj bag(BigDecimal amount, String currency) {
        Obj money = new Obj("MoneyV2").v("amount", amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString()).v("currencyCode", currency);
        return new Obj("MoneyBag").v("shopMoney", money).v("presentmentMoney", money);
    }

    private static BigDecimal money(JsonNode n) {
        try {
            return new BigDecimal(n.isObject() ? n.path("amount").asText("0") : n.asText("0")).setScale(2, RoundingMode.HALF_EVEN);
        } catch (NumberFormatException e) {
            throw new RequestError("INVALID_VARIABLE", "Invalid value for Money/Decimal: " + n);
        }
    }

    private static ObjectNode userError(String message, String... field) {
        ObjectNode e = F.objectNode();
        ArrayNode path = e.putArray("field");
        for (String f : field) {
            path.add(f);
        }
        e.put("message", message);
        return e;
    }

    private static ObjectNode cancelError(String code, String message, String field) {
        ObjectNode e = userError(message, field);
        e.put("code", code);
        return e;
    }

    private Obj errorObj(ObjectNode e) {
        List<Object> field = new ArrayList<>();
        e.path("field").forEach(f -> field.add(f.asText()));
        Obj o = new Obj(e.has("code") ? "OrderCancelUserError" : "UserError").v("field", field).v("message", e.path("message").asText());
        if (e.has("code")) {
            o.v("code", e.path("code").asText());
        }
        return o;
    }

    private Obj payload(Obj refund, Obj order, List<ObjectNode> userErrors) {
        return new Obj("RefundCreatePayload").v("refund", refund).v("order", order)
                .v("userErrors", userErrors.stream().map(e -> (Object) errorObj(e)).toList());
    }

    // ---- projection --------------------------------------------------------------------------------------------

    /** A root field this schema does not have. */
    private static final class Unknown {
    }

    private static Map<String, JsonNode> args(Gql.Field f, JsonNode variables) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        f.args().forEach((k, v) -> out.put(k, Gql.value(v, variables)));
        return out;
    }

    private JsonNode project(Object value, Gql.Field field, String parentType, List<Object> path, ArrayNode errors, int[] cost,
                             JsonNode variables, Map<String, JsonNode> args, boolean root) {
        if (value instanceof Unknown) {
            errors.add(undefined(field, parentType));
            return NullNode.getInstance();
        }
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof Obj obj) {
            if (field.selections().isEmpty()) {
                errors.add(error("selectionMismatch", "Field must have selections (field '" + field.name() + "' returns "
                        + obj.type + " but has no selections. Did you mean '" + field.name() + " { ... }'?)", field, path));
                return NullNode.getInstance();
            }
            if (!root) {
                cost[0] += 1;
            }
            ObjectNode out = F.objectNode();
            for (Gql.Field child : field.selections()) {
                Optional<java.util.function.Function<Map<String, JsonNode>, Object>> resolver = obj.field(child.name());
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(child.responseKey());
                if (resolver.isEmpty()) {
                    errors.add(undefined(child, obj.type));
                    continue;
                }
                Map<String, JsonNode> childArgs = args(child, variables);
                out.set(child.responseKey(), project(resolver.get().apply(childArgs), child, obj.type, childPath, errors, cost,
                        variables, childArgs, false));
            }
            return out;
        }
        if (value instanceof Obj.Conn conn) {
            cost[0] += 2;
            ObjectNode out = F.objectNode();
            for (Gql.Field child : field.selections()) {
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(child.responseKey());
                switch (child.name()) {
                    case "nodes" -> {
                        ArrayNode nodes = F.arrayNode();
                        for (Object item : conn.items()) {
                            nodes.add(project(item, child, "Connection", childPath, errors, cost, variables, Map.of(), false));
                        }
                        out.set(child.responseKey(), nodes);
                    }
                    case "edges" -> {
                        ArrayNode edges = F.arrayNode();
                        int index = 0;
                        for (Object item : conn.items()) {
                            ObjectNode edge = F.objectNode();
                            for (Gql.Field e : child.selections()) {
                                if (e.name().equals("node")) {
                                    edge.set(e.responseKey(), project(item, e, "Edge", childPath, errors, cost, variables, Map.of(), false));
                                } else if (e.name().equals("cursor")) {
                                    edge.put(e.responseKey(), java.util.Base64.getEncoder().encodeToString(("i" + index)
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                                } else {
                                    errors.add(undefined(e, "Edge"));
                                }
                            }
                            edges.add(edge);
                            index++;
                        }
                        out.set(child.responseKey(), edges);
                    }
                    case "pageInfo" -> {
                        ObjectNode info = F.objectNode();
                        for (Gql.Field p : child.selections()) {
                            switch (p.name()) {
                                case "hasNextPage" -> info.put(p.responseKey(), conn.hasNextPage());
                                case "hasPreviousPage" -> info.put(p.responseKey(), false);
                                case "endCursor", "startCursor" -> info.put(p.responseKey(), "i" + conn.items().size());
                                default -> errors.add(undefined(p, "PageInfo"));
                            }
                        }
                        out.set(child.responseKey(), info);
                    }
                    default -> errors.add(undefined(child, "Connection"));
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = F.arrayNode();
            int index = 0;
            for (Object item : list) {
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(index++);
                out.add(project(item, field, parentType, childPath, errors, cost, variables, args, false));
            }
            return out;
        }
        if (!field.selections().isEmpty()) {
            errors.add(error("selectionMismatch", "Selections can't be made on scalars (field '" + field.name() + "' returns a scalar)",
                    field, path));
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return F.numberNode(i);
        }
        if (value instanceof Long l) {
            return F.numberNode(l);
        }
        if (value instanceof Double d) {
            return F.numberNode(d);
        }
        return F.textNode(value.toString());
    }

    private static ObjectNode undefined(Gql.Field field, String type) {
        ObjectNode e = error("undefinedField", "Field '" + field.name() + "' doesn't exist on type '" + type + "'", field, List.of());
        ((ObjectNode) e.get("extensions")).put("typeName", type).put("fieldName", field.name());
        return e;
    }

    private static ObjectNode error(String code, String message, Gql.Field field, List<Object> path) {
        ObjectNode e = F.objectNode();
        e.put("message", message);
        e.putArray("locations").addObject().put("line", field.line()).put("column", field.column());
        ArrayNode p = e.putArray("path");
        for (Object x : path) {
            if (x instanceof Integer i) {
                p.add(i);
            } else {
                p.add(x.toString());
            }
        }
        e.putObject("extensions").put("code", code);
        return e;
    }
}
