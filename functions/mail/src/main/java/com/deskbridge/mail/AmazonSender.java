package com.deskbridge.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a mail that speaks for Amazon really comes from Amazon's buyer-seller relay. A mail is Amazon-channel when
 * its From address is in an Amazon domain ({@code amazon.<tld>} or below it) or its display name carries the relay's
 * "- Amazon Marketplace" suffix; such a mail is accepted only from a relay address ({@code @marketplace.amazon.<tld>})
 * with a passing DKIM signature of an Amazon domain, as SES recorded it in the {@code Authentication-Results} header
 * it adds on top of every received mail (authserv-id {@code amazonses.com}; RFC 8601,
 * https://www.rfc-editor.org/rfc/rfc8601; https://docs.aws.amazon.com/ses/latest/dg/receiving-email-concepts.html).
 * Only the topmost such header counts: anything below it came with the mail and proves nothing.
 *
 * <p>Reads the header section only; call it on a mail {@link InboundMailParser} accepted (its limits hold).
 */
public final class AmazonSender {
    private static final Pattern AMAZON_DOMAIN = Pattern.compile("(?:[a-z0-9-]+\\.)*amazon\\.[a-z]{2,3}(?:\\.[a-z]{2,3})?");
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final Pattern BARE_ADDRESS = Pattern.compile("([^\\s<>\"]+@[^\\s<>\"]+)");
    private static final Pattern DKIM_DOMAIN = Pattern.compile("header\\.(?:i=[^@\\s;]*@|d=)([A-Za-z0-9.-]+)");
    private static final Pattern NAME_SUFFIX = Pattern.compile("-\\s*amazon\\s+marketplace\\s*\"?\\s*<", Pattern.CASE_INSENSITIVE);

    private AmazonSender() {
    }

    /** Why this mail may not pass as Amazon's, or empty when it does not claim to be Amazon's or proves that it is. */
    public static Optional<String> refusal(byte[] rawMime) {
        List<String[]> headers = headers(rawMime);
        String from = first(headers, "from");
        if (from == null) {
            return Optional.empty(); // the parser refuses a mail without From before this is asked
        }
        String address = address(from);
        String domain = address == null ? "" : address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        boolean claimsAmazon = AMAZON_DOMAIN.matcher(domain).matches() || NAME_SUFFIX.matcher(from).find();
        if (!claimsAmazon) {
            return Optional.empty();
        }
        if (address == null || !AmazonRelay.isRelayAddress(address)) {
            return Optional.of("Amazon-channel mail from " + (domain.isEmpty() ? "no address" : "domain " + domain)
                    + ", not an Amazon relay address (marketplace.amazon.*)");
        }
        String results = first(headers, "authentication-results");
        if (results == null || !results.strip().toLowerCase(Locale.ROOT).startsWith("amazonses.com")) {
            return Optional.of("Amazon-channel mail without SES's Authentication-Results");
        }
        for (String result : results.split(";")) {
            String r = result.strip().toLowerCase(Locale.ROOT);
            if (r.startsWith("dkim=pass")) {
                Matcher d = DKIM_DOMAIN.matcher(r);
                if (d.find() && AMAZON_DOMAIN.matcher(d.group(1)).matches()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of("Amazon-channel mail without a passing DKIM signature of an Amazon domain");
    }

    private static String address(String from) {
        Matcher angle = ANGLE_ADDRESS.matcher(from);
        if (angle.find()) {
            return angle.group(1);
        }
        Matcher bare = BARE_ADDRESS.matcher(from);
        return bare.find() ? bare.group(1) : null;
    }

    private static String first(List<String[]> headers, String name) {
        for (String[] h : headers) {
            if (h[0].equals(name)) {
                return h[1];
            }
        }
        return null;
    }

    /** The top-level header fields in order, names lower-cased, folded lines joined (RFC 5322 section 2.2.3). */
    private static List<String[]> headers(byte[] rawMime) {
        String text = new String(rawMime, StandardCharsets.ISO_8859_1);
        List<String[]> fields = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append(' ').append(line.strip());
                continue;
            }
            add(fields, current);
            current = new StringBuilder(line);
        }
        add(fields, current);
        return fields;
    }

    private static void add(List<String[]> fields, StringBuilder field) {
        if (field == null) {
            return;
        }
        int colon = field.indexOf(":");
        if (colon > 0) {
            fields.add(new String[] {field.substring(0, colon).strip().toLowerCase(Locale.ROOT), field.substring(colon + 1).strip()});
        }
    }
}
