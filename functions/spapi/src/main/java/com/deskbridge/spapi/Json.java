package com.deskbridge.spapi;

import com.deskbridge.http.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Small null-tolerant readers for SP-API JSON (absent, null and blank fields all read as empty). */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException("SP-API sent a body that is not JSON", e);
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return Optional.empty();
        }
        String s = v.asText();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    static String textOr(JsonNode node, String field, String fallback) {
        return text(node, field).orElse(fallback);
    }

    static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).flatMap(Json::toInstant);
    }

    static Optional<Instant> toInstant(String s) {
        return Timestamps.parse(s);
    }

    /** A money object with the given field names ({@code amount/currencyCode}, {@code Amount/CurrencyCode}, {@code value/currencyCode}). */
    static Optional<Money> money(JsonNode node, String amountField, String currencyField) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Optional<String> amount = text(node, amountField);
        Optional<String> currency = text(node, currencyField);
        if (amount.isEmpty() || currency.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(new BigDecimal(amount.get().trim()), currency.get()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static int integer(JsonNode node, String field, int fallback) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isNumber() ? v.asInt() : v.asText().matches("-?\\d+") ? Integer.parseInt(v.asText()) : fallback;
    }
}
