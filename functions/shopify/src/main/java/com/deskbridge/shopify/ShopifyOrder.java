package com.deskbridge.shopify;

import com.deskbridge.orderactions.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Shopify order as the help desk needs it (Admin GraphQL {@code Order}). The customer's e-mail is read only to
 * check that an order named in an e-mail belongs to its sender; no name or address is kept.
 *
 * @param financialStatus   {@code displayFinancialStatus}: PENDING, AUTHORIZED, PAID, PARTIALLY_REFUNDED, REFUNDED, ...
 * @param fulfillmentStatus {@code displayFulfillmentStatus}: UNFULFILLED, PARTIALLY_FULFILLED, FULFILLED, ...
 */
public record ShopifyOrder(String id, String name, Optional<String> email, Instant createdAt, Optional<Instant> cancelledAt,
                           String financialStatus, String fulfillmentStatus, String currency, List<LineItem> lineItems,
                           Money shipping, Money shippingTax, List<Fulfillment> fulfillments, List<Refund> refunds,
                           List<Transaction> transactions, Money totalRefunded) {

    public ShopifyOrder {
        lineItems = List.copyOf(lineItems);
        fulfillments = List.copyOf(fulfillments);
        refunds = List.copyOf(refunds);
        transactions = List.copyOf(transactions);
    }

    /** A line: {@code total} is what was charged for it before tax, {@code tax} its tax lines. */
    public record LineItem(String id, Optional<String> sku, String title, int quantity, int refundableQuantity, Money total, Money tax) {}

    public record Tracking(Optional<String> company, Optional<String> number, Optional<String> url) {}

    public record Fulfillment(String id, String status, Optional<Instant> createdAt, List<Tracking> tracking) {
        public Fulfillment {
            tracking = List.copyOf(tracking);
        }
    }

    public record RefundLine(String lineItemId, int quantity, Money subtotal, Money tax) {}

    public record Refund(String id, Optional<Instant> createdAt, Money total, List<RefundLine> lines) {
        public Refund {
            lines = List.copyOf(lines);
        }
    }

    public record Transaction(String id, String kind, String status, String gateway, Money amount, Optional<String> parentId) {}

    public boolean cancelled() {
        return cancelledAt.isPresent();
    }

    /** The GraphQL selection every order query uses (one place, so all of them read the same fields). */
    static final String FIELDS = """
            id name email createdAt cancelledAt displayFinancialStatus displayFulfillmentStatus currencyCode
            totalRefundedSet { shopMoney { amount currencyCode } }
            shippingLine { originalPriceSet { shopMoney { amount currencyCode } } taxLines { priceSet { shopMoney { amount currencyCode } } } }
            lineItems(first: 25) { nodes { id sku title quantity refundableQuantity
              discountedTotalSet { shopMoney { amount currencyCode } }
              taxLines { priceSet { shopMoney { amount currencyCode } } } } }
            fulfillments(first: 5) { id status createdAt trackingInfo(first: 3) { company number url } }
            refunds(first: 5) { id createdAt totalRefundedSet { shopMoney { amount currencyCode } }
              refundLineItems(first: 10) { nodes { quantity lineItem { id }
                subtotalSet { shopMoney { amount currencyCode } } totalTaxSet { shopMoney { amount currencyCode } } } } }
            transactions(first: 10) { id kind status gateway amountSet { shopMoney { amount currencyCode } } parentTransaction { id } }
            """;

    static ShopifyOrder parse(JsonNode o) {
        String currency = ShopifyJson.text(o, "currencyCode").orElse("XXX");
        Money zero = Money.zero(currency);
        List<LineItem> lines = new ArrayList<>();
        for (JsonNode l : ShopifyJson.items(o.path("lineItems"))) {
            Money tax = zero;
            for (JsonNode t : l.path("taxLines")) {
                tax = tax.plus(ShopifyJson.money(t.path("priceSet")).orElse(zero));
            }
            lines.add(new LineItem(l.path("id").asText(), ShopifyJson.text(l, "sku"), l.path("title").asText(""), l.path("quantity").asInt(0),
                    l.path("refundableQuantity").asInt(l.path("quantity").asInt(0)),
                    ShopifyJson.money(l.path("discountedTotalSet")).orElse(zero), tax));
        }
        JsonNode ship = o.path("shippingLine");
        Money shippingTax = zero;
        for (JsonNode t : ship.path("taxLines")) {
            shippingTax = shippingTax.plus(ShopifyJson.money(t.path("priceSet")).orElse(zero));
        }
        List<Fulfillment> fulfillments = new ArrayList<>();
        for (JsonNode f : ShopifyJson.items(o.path("fulfillments"))) {
            List<Tracking> tracking = new ArrayList<>();
            for (JsonNode t : f.path("trackingInfo")) {
                tracking.add(new Tracking(ShopifyJson.text(t, "company"), ShopifyJson.text(t, "number"), ShopifyJson.text(t, "url")));
            }
            fulfillments.add(new Fulfillment(f.path("id").asText(), f.path("status").asText(""), ShopifyJson.instant(f, "createdAt"), tracking));
        }
        List<Refund> refunds = new ArrayList<>();
        for (JsonNode r : ShopifyJson.items(o.path("refunds"))) {
            List<RefundLine> rl = new ArrayList<>();
            for (JsonNode l : ShopifyJson.items(r.path("refundLineItems"))) {
                rl.add(new RefundLine(l.path("lineItem").path("id").asText(), l.path("quantity").asInt(0),
                        ShopifyJson.money(l.path("subtotalSet")).orElse(zero), ShopifyJson.money(l.path("totalTaxSet")).orElse(zero)));
            }
            refunds.add(new Refund(r.path("id").asText(), ShopifyJson.instant(r, "createdAt"),
                    ShopifyJson.money(r.path("totalRefundedSet")).orElse(zero), rl));
        }
        List<Transaction> transactions = new ArrayList<>();
        for (JsonNode t : ShopifyJson.items(o.path("transactions"))) {
            transactions.add(new Transaction(t.path("id").asText(), t.path("kind").asText(""), t.path("status").asText(""),
                    t.path("gateway").asText(""), ShopifyJson.money(t.path("amountSet")).orElse(zero),
                    ShopifyJson.text(t.path("parentTransaction"), "id")));
        }
        return new ShopifyOrder(o.path("id").asText(), o.path("name").asText(), ShopifyJson.text(o, "email"),
                ShopifyJson.instant(o, "createdAt").orElse(Instant.EPOCH), ShopifyJson.instant(o, "cancelledAt"),
                o.path("displayFinancialStatus").asText(""), o.path("displayFulfillmentStatus").asText(""), currency, lines,
                ShopifyJson.money(ship.path("originalPriceSet")).orElse(zero), shippingTax, fulfillments, refunds, transactions,
                ShopifyJson.money(o.path("totalRefundedSet")).orElse(zero));
    }
}
