package com.deskbridge.shopify;

import com.deskbridge.orderactions.Money;
import com.deskbridge.http.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/** Reading Shopify's GraphQL JSON: {@code MoneyBag.shopMoney} amounts, ISO timestamps, empty for absent or null. */
final class ShopifyJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private ShopifyJson() {
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).flatMap(Timestamps::parse);
    }

    /** A {@code MoneyBag}'s shop currency amount. */
    static Optional<Money> money(JsonNode bag) {
        JsonNode m = bag.path("shopMoney");
        Optional<String> amount = text(m, "amount");
        Optional<String> currency = text(m, "currencyCode");
        if (amount.isEmpty() || currency.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(new BigDecimal(amount.get()).setScale(2, RoundingMode.HALF_EVEN), currency.get()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Connection nodes ({@code nodes} or {@code edges[].node}) or a plain list. */
    static Iterable<JsonNode> items(JsonNode field) {
        if (field.isArray()) {
            return field;
        }
        if (field.path("nodes").isArray()) {
            return field.get("nodes");
        }
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        field.path("edges").forEach(e -> out.add(e.path("node")));
        return out;
    }
}
