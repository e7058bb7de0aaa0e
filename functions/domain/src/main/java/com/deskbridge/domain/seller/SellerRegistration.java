package com.deskbridge.domain.seller;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A seller connected to Deskbridge: the marketplaces it sells on, its SP-API region, its time zone and the mail alias
 * whose mail ({@code <alias>@<MailDomain>}) becomes its tickets.
 *
 * @param marketplaces SP-API marketplace ids (1-20, e.g. A1PA6795UKMFR9)
 * @param region       SP-API region: na, eu or fe (https://developer-docs.amazon.com/sp-api/docs/sp-api-endpoints)
 * @param timeZone     an IANA time zone id, e.g. Europe/Berlin
 * @param mailAlias    the local part of the seller's inbound address, lower case
 */
public record SellerRegistration(SellerId seller, List<String> marketplaces, String region, String timeZone,
                                 String mailAlias, Instant registeredAt, String registeredBy) {
    /** A mail alias: what a mail domain's local part may be here (lower-case letters, digits, '.', '-', '_'). */
    public static final Pattern ALIAS = Pattern.compile("[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?");
    private static final Pattern MARKETPLACE = Pattern.compile("[A-Z0-9]{9,20}");
    private static final List<String> REGIONS = List.of("na", "eu", "fe");

    public SellerRegistration {
        Objects.requireNonNull(seller, "seller");
        if (marketplaces == null || marketplaces.isEmpty() || marketplaces.size() > 20) {
            throw new InvalidInputException("marketplaces", "must list 1 to 20 marketplace ids");
        }
        for (String m : marketplaces) {
            if (m == null || !MARKETPLACE.matcher(m).matches()) {
                throw new InvalidInputException("marketplaces", "must be SP-API marketplace ids such as A1PA6795UKMFR9");
            }
        }
        if (marketplaces.stream().distinct().count() != marketplaces.size()) {
            throw new InvalidInputException("marketplaces", "lists a marketplace twice");
        }
        marketplaces = List.copyOf(marketplaces);
        if (region == null || !REGIONS.contains(region)) {
            throw new InvalidInputException("region", "must be na, eu or fe (the SP-API region)");
        }
        if (timeZone == null) {
            throw new InvalidInputException("timeZone", "is required (an IANA time zone such as Europe/Berlin)");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not an IANA time zone such as Europe/Berlin");
        }
        mailAlias = alias(mailAlias);
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
    }

    /** A mail alias checked and lower-cased (mail addresses' local parts are matched case-insensitively here). */
    public static String alias(String alias) {
        String lower = alias == null ? null : alias.toLowerCase(Locale.ROOT);
        if (lower == null || !ALIAS.matcher(lower).matches()) {
            throw new InvalidInputException("mailAlias",
                    "must be 1-64 letters, digits, '.', '-' or '_', starting and ending with a letter or digit");
        }
        return lower;
    }
}
