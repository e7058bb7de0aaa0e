package com.deskbridge.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The buyer's personal data a ticket knows (name, relay address, order ids, tracking numbers, address lines), and the
 * redaction that makes an audit copy of a reply: each known value, and what looks like an order id, a buyer's e-mail
 * address, a street address or a postal code with its town, is replaced by a placeholder ({@code {{CustomerName}}},
 * {@code {{OrderID}}}, {@code {{TrackingNumber}}}, {@code {{BuyerEmail}}}, {@code {{Address}}}). The copy may be kept
 * for two years, beyond the buyer data's own retention (Amazon's Data Protection Policy:
 * https://sellercentral.amazon.com/mws/static/policy?documentType=DPP), because it holds none of it.
 *
 * <p>What the compliance rules look for survives the redaction: an e-mail address or a phone number keeps its shape
 * (its personal part is masked: {@code redacted@shop.example}, {@code +49 *** *******} digits as 0), links are not
 * personal data and stay, so the audit finds in the copy what the checker would have found in the original.
 */
public final class PersonalData {
    /** No personal values known: the patterns alone. */
    public static final PersonalData NONE = new PersonalData(Map.of());

    private static final Pattern AMAZON_ORDER = Pattern.compile("\\b\\d{3}-\\d{7}-\\d{7}\\b");
    private static final Pattern EBAY_ORDER = Pattern.compile("\\b\\d{2}-\\d{5}-\\d{5}\\b");
    private static final Pattern RELAY_ADDRESS = Pattern.compile(
            "[A-Za-z0-9._%+-]+@marketplace\\.amazon\\.[a-z.]{2,10}", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+-]+)(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w-])\\+?\\d[\\d ()/.-]{6,}\\d(?![\\w-])");
    private static final Pattern STREET = Pattern.compile(
            "\\b[\\p{L}][\\p{L}.'-]*(?:straße|strasse|str\\.|weg|gasse|allee|platz|ring|damm|ufer)\\s+\\d+\\s?[a-z]?\\b"
                    + "|\\b\\d+[a-z]?\\s+(?:[\\p{Lu}][\\p{L}'-]*\\s){1,3}(?:Street|St\\.|Road|Rd\\.|Avenue|Ave\\.|Lane|Drive|Dr\\.|Way|Boulevard|Blvd\\.)"
                    + "|\\b(?:rue|avenue|boulevard|via|viale|piazza|calle|avenida|plaza|paseo)\\s+(?:[\\p{L}'-]+\\s){0,3}[\\p{L}'-]+,?\\s+\\d+\\b",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTCODE_TOWN = Pattern.compile("\\b\\d{4,5}\\s+[\\p{Lu}][\\p{L}-]{2,}(?:\\s[\\p{Lu}][\\p{L}-]+)?");
    private static final int MIN_NAME_PART = 3;

    private final Map<String, Set<String>> values;

    private PersonalData(Map<String, Set<String>> values) {
        this.values = values;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The audit copy of {@code text}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        List<String[]> known = new ArrayList<>();
        values.forEach((placeholder, vs) -> vs.forEach(v -> known.add(new String[] {v, placeholder})));
        known.sort(Comparator.comparingInt((String[] kv) -> kv[0].length()).reversed());
        String out = text;
        for (String[] kv : known) {
            String value = kv[0];
            boolean word = "CustomerName".equals(kv[1]);
            String regex = (word ? "(?<![\\p{L}\\p{N}])" : "") + Pattern.quote(value) + (word ? "(?![\\p{L}\\p{N}])" : "");
            out = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                    .replaceAll(Matcher.quoteReplacement("{{" + kv[1] + "}}"));
        }
        out = RELAY_ADDRESS.matcher(out).replaceAll("{{BuyerEmail}}");
        out = AMAZON_ORDER.matcher(out).replaceAll("{{OrderID}}");
        out = EBAY_ORDER.matcher(out).replaceAll("{{OrderID}}");
        out = EMAIL.matcher(out).replaceAll(m -> Matcher.quoteReplacement("redacted" + m.group(2)));
        out = PHONE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(maskDigits(m.group())));
        out = STREET.matcher(out).replaceAll("{{Address}}");
        out = POSTCODE_TOWN.matcher(out).replaceAll("{{Address}}");
        return out;
    }

    /** Keeps the first two digits (a country or area code says little) and the shape; the rest become 0. */
    private static String maskDigits(String phone) {
        StringBuilder b = new StringBuilder(phone.length());
        int digits = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                b.append(digits++ < 2 ? c : '0');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Collects the values a ticket knows; blank values are ignored. */
    public static final class Builder {
        private final Map<String, Set<String>> values = new LinkedHashMap<>();

        private Builder() {
        }

        /** The buyer's name as shown on the ticket: the whole name and each part of at least three letters. */
        public Builder buyerName(String name) {
            if (name != null && !name.isBlank()) {
                add("CustomerName", name.strip());
                for (String part : name.strip().split("[\\s,]+")) {
                    if (part.replaceAll("[^\\p{L}]", "").length() >= MIN_NAME_PART) {
                        add("CustomerName", part);
                    }
                }
            }
            return this;
        }

        /** The buyer's (relay) e-mail address. */
        public Builder buyerAddress(String address) {
            return add("BuyerEmail", address);
        }

        public Builder orderId(String orderId) {
            return add("OrderID", orderId);
        }

        public Builder trackingNumber(String trackingNumber) {
            return add("TrackingNumber", trackingNumber);
        }

        /** A line of the buyer's postal address (street, town with postal code). */
        public Builder addressLine(String line) {
            return add("Address", line);
        }

        private Builder add(String placeholder, String value) {
            if (value != null && value.strip().length() >= 2) {
                values.computeIfAbsent(placeholder, k -> new LinkedHashSet<>()).add(value.strip());
            }
            return this;
        }

        public PersonalData build() {
            Map<String, Set<String>> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
            return new PersonalData(copy);
        }
    }

    @Override
    public String toString() {
        // names what is known, never the values (they are personal data)
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach((k, v) -> counts.put(k.toLowerCase(Locale.ROOT), v.size()));
        return "PersonalData" + counts;
    }
}
