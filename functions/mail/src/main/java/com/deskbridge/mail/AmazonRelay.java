package com.deskbridge.mail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What we know about Amazon's buyer-seller messaging relay: its sender domains, the name suffix it adds and the
 * boilerplate it wraps around the buyer's text.
 */
final class AmazonRelay {
    private static final String RELAY_DOMAIN_PREFIX = "marketplace.amazon.";

    /** Relay top-level domain → SP-API marketplace id. */
    private static final Map<String, String> MARKETPLACE_BY_TLD = Map.ofEntries(
            Map.entry("com", "ATVPDKIKX0DER"),
            Map.entry("ca", "A2EUQ1WTGCTBG2"),
            Map.entry("com.mx", "A1AM78C64UM0Y8"),
            Map.entry("com.br", "A2Q3Y263D00KWC"),
            Map.entry("co.uk", "A1F83G8C2ARO7P"),
            Map.entry("de", "A1PA6795UKMFR9"),
            Map.entry("fr", "A13V1IB3VIYZZH"),
            Map.entry("it", "APJ6JRA9NG5V4"),
            Map.entry("es", "A1RKKUPIHCS9HS"),
            Map.entry("nl", "A1805IZSGTT6HS"),
            Map.entry("se", "A2NODRKZP88ZB9"),
            Map.entry("pl", "A1C3SOZRARQ6R3"),
            Map.entry("com.be", "AMEN7PMS3EDWL"),
            Map.entry("com.tr", "A33AVAJ2PDY3EV"),
            Map.entry("co.jp", "A1VC38T7YXB528"),
            Map.entry("com.au", "A39IBJ37TRP1C6"),
            Map.entry("in", "A21TJRUUN4KGV"),
            Map.entry("sg", "A19VAU5U5O7RUS"),
            Map.entry("ae", "A2VIGQ35RCS4UG"),
            Map.entry("sa", "A17E79C6D8DWNP"),
            Map.entry("eg", "ARBP9OOSHTCHU"));

    private static final Pattern TLD = Pattern.compile("[a-z]{2,3}(\\.[a-z]{2,3})?");

    /**
     * The relay renders the sender as "Buyer Name - Amazon Marketplace". The suffix is channel branding, identical
     * for every buyer, and the channel is recorded separately; keeping it would pollute greetings and name search.
     */
    private static final Pattern NAME_SUFFIX =
            Pattern.compile("\\s*-\\s*(amazon\\s+marketplace|marketplace\\s+amazon)\\s*$", Pattern.CASE_INSENSITIVE);

    private static final String DASHES = "\\s*-{3,}\\s*";
    /** "------------- Message: -------------" and its translations seen in relay mails. */
    private static final Pattern START_MARKER = Pattern.compile(
            DASHES + "(message|nachricht|mensaje|messaggio)\\s*:?" + DASHES, Pattern.CASE_INSENSITIVE);
    /** "------------- End message -------------" and its translations. */
    private static final Pattern END_MARKER = Pattern.compile(
            DASHES + "(end (of )?message|ende der nachricht|fin du message|fin del mensaje|fine (del )?messaggio)"
                    + DASHES, Pattern.CASE_INSENSITIVE);

    private AmazonRelay() {
    }

    /** Whether a (lower-case) address belongs to the relay: {@code alias@marketplace.amazon.<tld>}. */
    static boolean isRelayAddress(String address) {
        return relayTld(address).isPresent();
    }

    /**
     * The marketplace of a relay address, empty for a relay domain this table does not know yet (a new
     * marketplace still threads correctly by alias and order id).
     */
    static Optional<String> marketplaceId(String address) {
        return relayTld(address).map(MARKETPLACE_BY_TLD::get);
    }

    private static Optional<String> relayTld(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return Optional.empty();
        }
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!domain.startsWith(RELAY_DOMAIN_PREFIX)) {
            return Optional.empty();
        }
        String tld = domain.substring(RELAY_DOMAIN_PREFIX.length());
        return TLD.matcher(tld).matches() ? Optional.of(tld) : Optional.empty();
    }

    /** Removes the relay's " - Amazon Marketplace" suffix; null when nothing but the suffix was there. */
    static String stripNameSuffix(String displayName) {
        if (displayName == null) {
            return null;
        }
        String stripped = NAME_SUFFIX.matcher(displayName).replaceFirst("").trim();
        return stripped.isEmpty() ? null : stripped;
    }

    /**
     * The buyer's own text: the lines between the relay's start and end markers. Without a start marker the
     * whole text is the buyer's; without an end marker everything after the start marker is.
     */
    static String buyerText(String text) {
        List<String> lines = text.lines().toList();
        int start = indexOf(lines, START_MARKER, 0);
        if (start < 0) {
            return text;
        }
        int end = indexOf(lines, END_MARKER, start + 1);
        List<String> buyer = lines.subList(start + 1, end < 0 ? lines.size() : end);
        return String.join("\n", buyer);
    }

    private static int indexOf(List<String> lines, Pattern marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (marker.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }
}
