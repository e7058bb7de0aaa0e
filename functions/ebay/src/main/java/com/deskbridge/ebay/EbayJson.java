package com.deskbridge.ebay;

import com.deskbridge.orderactions.Money;
import com.deskbridge.http.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/** Reading eBay's JSON: absent, null and blank fields read as empty; amounts are {@code {value, currency}} objects. */
final class EbayJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private EbayJson() {
    }

    /** The body as JSON; an unparseable body is eBay's fault and reported as such. */
    static JsonNode parse(String body, EbayOperation op) {
        try {
            JsonNode n = MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
            if (!n.isObject()) {
                throw new EbayApiException(op.id(), 200, null, null, "response is not a JSON object", null);
            }
            return n;
        } catch (IOException e) {
            throw new EbayApiException(op.id(), 200, null, null, "response is not JSON", null);
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    static String required(JsonNode node, String field, EbayOperation op) {
        return text(node, field).orElseThrow(() -> new EbayApiException(op.id(), 200, null, null,
                "response lacks " + field, null));
    }

    static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).flatMap(Timestamps::parse);
    }

    /** An eBay {@code Amount}, at cent scale (eBay's currencies here have two decimals). */
    static Optional<Money> money(JsonNode amount) {
        Optional<String> value = text(amount, "value");
        Optional<String> currency = text(amount, "currency");
        if (value.isEmpty() || currency.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(new BigDecimal(value.get().trim()).setScale(2, RoundingMode.HALF_EVEN), currency.get()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
