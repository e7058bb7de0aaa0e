package com.deskbridge.actions;

import com.deskbridge.adapters.json.StrictJson;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.orderactions.RefundControls;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A seller's refund controls as JSON: the body of {@code PUT /refund-controls} and what the tickets table stores.
 *
 * <pre>{@code
 * {"approvalThresholds": {"EUR": "100.00"}, "dailyCount": 20, "dailyAmounts": {"EUR": "500.00"}, "alertPerHour": 10}
 * }</pre>
 * Amounts are decimal strings with at most two decimals (the grammar of refund amounts), currencies ISO 4217 codes;
 * every member is optional (absent: {@link RefundControls#DEFAULT}'s value), unknown members are refused. The first
 * problem names its field.
 */
public final class RefundControlsJson {
    /** What a seller who stored nothing gets, as a document. */
    public static final String DEFAULT_DOCUMENT = "{\"approvalThresholds\":{},\"dailyCount\":50,\"dailyAmounts\":{},\"alertPerHour\":10}";
    private static final Set<String> FIELDS = Set.of("approvalThresholds", "dailyCount", "dailyAmounts", "alertPerHour");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_CHARS = 8_000;

    private RefundControlsJson() {
    }

    /** @throws InvalidInputException naming the field */
    public static RefundControls parse(String document) {
        if (document == null || document.isBlank()) {
            throw new InvalidInputException("body", "is required: a JSON object");
        }
        if (document.length() > MAX_CHARS) {
            throw new InvalidInputException("body", "must be at most " + MAX_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = StrictJson.object(document);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException(name, "is not a member of the refund controls (approvalThresholds, dailyCount, dailyAmounts, alertPerHour)");
            }
        }
        RefundControls d = RefundControls.DEFAULT;
        return new RefundControls(amounts(root, "approvalThresholds", d.approvalThresholds()),
                count(root, "dailyCount", d.dailyCount(), 0), amounts(root, "dailyAmounts", d.dailyAmounts()),
                count(root, "alertPerHour", d.alertPerHour(), 1));
    }

    private static int count(JsonNode root, String field, int fallback, int min) {
        JsonNode n = root.get(field);
        if (n == null) {
            return fallback;
        }
        if (!n.isInt() || n.intValue() < min || n.intValue() > 10_000) {
            throw new InvalidInputException(field, "must be a whole number from " + min + " to 10000");
        }
        return n.intValue();
    }

    private static Map<String, BigDecimal> amounts(JsonNode root, String field, Map<String, BigDecimal> fallback) {
        JsonNode n = root.get(field);
        if (n == null) {
            return fallback;
        }
        if (!n.isObject()) {
            throw new InvalidInputException(field, "must be an object of currency code to amount, e.g. {\"EUR\": \"100.00\"}");
        }
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = field + "." + e.getKey();
            if (!CURRENCY.matcher(e.getKey()).matches()) {
                throw new InvalidInputException(at, "must be an ISO 4217 currency code such as EUR");
            }
            if (!e.getValue().isTextual() || !AMOUNT.matcher(e.getValue().textValue()).matches()) {
                throw new InvalidInputException(at, "must be an amount as a string with at most two decimals, e.g. \"100.00\"");
            }
            out.put(e.getKey(), new BigDecimal(e.getValue().textValue()));
        }
        return out;
    }
}
