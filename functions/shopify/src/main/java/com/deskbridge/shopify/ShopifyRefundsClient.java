package com.deskbridge.shopify;

import com.deskbridge.orderactions.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Refunds through the Admin GraphQL API: Shopify's own calculation of what given lines and shipping come to
 * ({@code Order.suggestedRefund}: subtotal, taxes, shipping, the most that can still be refunded, and the suggested
 * transactions with their gateway and parent payment), then {@code refundCreate} with those transactions and
 * {@code @idempotent(key:)} (required for refundCreate since API version 2026-04,
 * https://shopify.dev/changelog/making-idempotency-mandatory-for-inventory-adjustments-and-refund-mutations): the same
 * key and input return the first refund instead of a second one.
 */
public final class ShopifyRefundsClient {

    static final String SUGGEST = """
            query SuggestRefund($id: ID!, $lines: [RefundLineItemInput!], $shippingAmount: Money, $full: Boolean) {
              order(id: $id) { suggestedRefund(refundLineItems: $lines, shippingAmount: $shippingAmount, suggestFullRefund: $full) {
                amountSet { shopMoney { amount currencyCode } }
                subtotalSet { shopMoney { amount currencyCode } }
                totalTaxSet { shopMoney { amount currencyCode } }
                maximumRefundableSet { shopMoney { amount currencyCode } }
                shipping { amountSet { shopMoney { amount currencyCode } } taxSet { shopMoney { amount currencyCode } } }
                refundLineItems { quantity lineItem { id } }
                suggestedTransactions { gateway kind amountSet { shopMoney { amount currencyCode } }
                  maximumRefundableSet { shopMoney { amount currencyCode } } parentTransaction { id } } } } }
            """;
    static final String CREATE = """
            mutation RefundCreate($input: RefundInput!, $key: String!) {
              refundCreate(input: $input) @idempotent(key: $key) {
                refund { id createdAt totalRefundedSet { shopMoney { amount currencyCode } }
                  transactions(first: 5) { nodes { id status kind } } }
                userErrors { field message } } }
            """;

    private final ShopifyGraphqlClient graphql;

    ShopifyRefundsClient(ShopifyGraphqlClient graphql) {
        this.graphql = graphql;
    }

    /** A line to refund: the line item's id and how many units. */
    public record Line(String lineItemId, int quantity) {}

    /** A transaction Shopify suggests: refund {@code amount} to the payment {@code parentId} through {@code gateway}. */
    public record SuggestedTransaction(String gateway, String parentId, Money amount, Money maximumRefundable) {}

    /** Shopify's calculation. {@code amount} = subtotal + taxes + shipping, at most {@code maximumRefundable}. */
    public record Suggestion(Money amount, Money subtotal, Money tax, Money shipping, Money maximumRefundable, List<Line> lines,
                             List<SuggestedTransaction> transactions) {}

    /** What refundCreate made of it. */
    public sealed interface Result permits Created, Refused {}

    /** The refund Shopify made: its id, total and whether its transactions are all settled ({@code SUCCESS}). */
    public record Created(String refundId, Money total, boolean settled) implements Result {}

    /** A refund Shopify refused with {@code userErrors} (their messages). */
    public record Refused(List<String> messages) implements Result {}

    public Suggestion suggest(ShopifyShop shop, String orderId, List<Line> lines, Money shippingAmount, boolean full) {
        ObjectNode vars = ShopifyJson.MAPPER.createObjectNode().put("id", orderId);
        ArrayNode l = vars.putArray("lines");
        lines.forEach(x -> l.addObject().put("lineItemId", x.lineItemId()).put("quantity", x.quantity()));
        if (shippingAmount != null && shippingAmount.isPositive()) {
            vars.putObject("shippingAmount").put("amount", shippingAmount.plain()).put("currencyCode", shippingAmount.currency());
        }
        vars.put("full", full);
        JsonNode s = graphql.execute(shop, "SuggestRefund", SUGGEST, vars, 40).data().path("order").path("suggestedRefund");
        if (!s.isObject()) {
            throw new ShopifyApiException("SuggestRefund", 200, null, "NOT_FOUND", "order " + orderId + " not found");
        }
        Money amount = ShopifyJson.money(s.path("amountSet")).orElseThrow(() -> malformed("amountSet"));
        Money zero = Money.zero(amount.currency());
        List<Line> suggestedLines = new ArrayList<>();
        for (JsonNode x : s.path("refundLineItems")) {
            suggestedLines.add(new Line(x.path("lineItem").path("id").asText(), x.path("quantity").asInt()));
        }
        List<SuggestedTransaction> transactions = new ArrayList<>();
        for (JsonNode t : s.path("suggestedTransactions")) {
            transactions.add(new SuggestedTransaction(t.path("gateway").asText(), t.path("parentTransaction").path("id").asText(),
                    ShopifyJson.money(t.path("amountSet")).orElse(zero), ShopifyJson.money(t.path("maximumRefundableSet")).orElse(zero)));
        }
        Money shipping = ShopifyJson.money(s.path("shipping").path("amountSet")).orElse(zero)
                .plus(ShopifyJson.money(s.path("shipping").path("taxSet")).orElse(zero));
        return new Suggestion(amount, ShopifyJson.money(s.path("subtotalSet")).orElse(zero), ShopifyJson.money(s.path("totalTaxSet")).orElse(zero),
                shipping, ShopifyJson.money(s.path("maximumRefundableSet")).orElse(zero), suggestedLines, transactions);
    }

    /**
     * The {@code RefundInput} for the lines (not restocked), the shipping amount, and {@code amount} spread over the
     * suggested transactions up to each one's refundable maximum; empty when the transactions cannot hold the amount.
     */
    public java.util.Optional<ObjectNode> input(String orderId, List<Line> lines, Money shippingAmount, Money amount,
                                                List<SuggestedTransaction> transactions, String note) {
        ObjectNode input = ShopifyJson.MAPPER.createObjectNode();
        input.put("orderId", orderId);
        input.put("notify", false);
        if (note != null) {
            input.put("note", note);
        }
        ArrayNode rl = input.putArray("refundLineItems");
        lines.forEach(x -> rl.addObject().put("lineItemId", x.lineItemId()).put("quantity", x.quantity()).put("restockType", "NO_RESTOCK"));
        if (shippingAmount != null && shippingAmount.isPositive()) {
            input.putObject("shipping").put("amount", shippingAmount.plain());
        }
        ArrayNode tx = input.putArray("transactions");
        Money left = amount;
        for (SuggestedTransaction t : transactions) {
            if (!left.isPositive()) {
                break;
            }
            Money take = left.min(t.maximumRefundable());
            if (take.isPositive()) {
                tx.addObject().put("orderId", orderId).put("parentId", t.parentId()).put("amount", take.plain())
                        .put("gateway", t.gateway()).put("kind", "REFUND");
                left = left.minus(take);
            }
        }
        return left.isPositive() ? java.util.Optional.empty() : java.util.Optional.of(input);
    }

    /**
     * Sends refundCreate with {@code input} under {@code idempotencyKey}. Sending the same input with the same key again
     * returns the first refund; another input with the same key is refused by Shopify.
     */
    public Result create(ShopifyShop shop, ObjectNode input, String idempotencyKey) {
        ObjectNode vars = ShopifyJson.MAPPER.createObjectNode();
        vars.set("input", input);
        vars.put("key", idempotencyKey);
        JsonNode payload = graphql.execute(shop, "RefundCreate", CREATE, vars, 20).data().path("refundCreate");
        List<String> errors = new ArrayList<>();
        payload.path("userErrors").forEach(e -> errors.add(e.path("message").asText()));
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        JsonNode refund = payload.path("refund");
        boolean settled = true;
        for (JsonNode t : ShopifyJson.items(refund.path("transactions"))) {
            settled &= "SUCCESS".equals(t.path("status").asText());
        }
        return new Created(refund.path("id").asText(), ShopifyJson.money(refund.path("totalRefundedSet"))
                .orElseThrow(() -> malformed("refund.totalRefundedSet")), settled);
    }

    private static ShopifyApiException malformed(String field) {
        return new ShopifyApiException("SuggestRefund", 200, null, null, "suggestedRefund lacks " + field);
    }
}
