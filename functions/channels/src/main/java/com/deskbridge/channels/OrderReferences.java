package com.deskbridge.channels;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the order a buyer's e-mail to a shop is about: Shopify order names ({@code #1001}, or with the shop's own
 * prefix such as {@code SHOP-1001}) and order numbers after the word for "order" in the help desk's languages
 * ("order 1001", "Bestellung Nr. 1001", "commande n° 1001", "ordine 1001", "pedido 1001", "bestelling 1001",
 * "zamówienie 1001", "order nr 1001"). Subject first, then body; each candidate once, in the order found. Numbers
 * of 3 to 9 digits only, so tracking numbers, phone numbers and dates are not mistaken for orders. The caller looks
 * the candidates up and, when none is an order, falls back to the sender's e-mail address.
 */
public final class OrderReferences {

    private static final String KEYWORDS = "order|orders|bestellung|bestellnummer|auftrag|commande|ordine|pedido|"
            + "bestelling|zam[oó]wienie|zam[oó]wienia|beställning|ordernummer|ordernr";
    private static final Pattern HASH = Pattern.compile("(?<![\\w#])#\\s?([A-Za-z]{0,10}-?\\d{3,9})(?!\\d)");
    private static final Pattern KEYWORD = Pattern.compile(
            "(?iu)\\b(?:" + KEYWORDS + ")\\b\\s*(?:(?:no|nr|n[°º]|num(?:ber|ero|éro)?|number|nummer|numer)\\.?\\s*)?[:#]?\\s*"
                    + "([A-Za-z]{0,10}-?\\d{3,9})(?!\\d)");

    private OrderReferences() {
    }

    /**
     * @param prefixes the shop's order name prefixes besides {@code #} (e.g. {@code SHOP-}); a bare number found after
     *                 "order" is also tried with {@code #} and each prefix
     * @return candidate order names ({@code #1001}, {@code SHOP-1001}), most explicit first
     */
    public static List<String> find(String subject, String body, Set<String> prefixes) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : new String[] {subject, body}) {
            if (text == null || text.isBlank()) {
                continue;
            }
            for (String prefix : prefixes) {
                Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(prefix) + "(\\d{3,9})(?!\\d)",
                        Pattern.CASE_INSENSITIVE).matcher(text);
                while (m.find()) {
                    out.add(prefix.toUpperCase(Locale.ROOT) + m.group(1));
                }
            }
            Matcher hash = HASH.matcher(text);
            while (hash.find()) {
                out.add("#" + hash.group(1).toUpperCase(Locale.ROOT));
            }
            Matcher kw = KEYWORD.matcher(text);
            while (kw.find()) {
                String ref = kw.group(1).toUpperCase(Locale.ROOT);
                if (ref.chars().allMatch(Character::isDigit)) {
                    out.add("#" + ref);
                    for (String prefix : prefixes) {
                        out.add(prefix.toUpperCase(Locale.ROOT) + ref);
                    }
                } else {
                    out.add(ref);
                }
            }
        }
        return new ArrayList<>(out);
    }

    public static List<String> find(String subject, String body) {
        return find(subject, body, Set.of());
    }
}
