package com.deskbridge.compliance;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link RuleId#EXTERNAL_LINK}: URLs with a scheme, "www." addresses, bare domains with a known top-level domain
 * ("shop-example.de/angebote") and obfuscated ones ("example dot com", "example[.]com", "beispiel punkt de").
 * Amazon's own domains pass ({@link DomainLists#isAmazon}); carrier tracking sites pass only under
 * {@link CarrierLinkPolicy#ALLOW_KNOWN_CARRIERS}. Always {@link Severity#BLOCK}: Amazon strips or rejects external
 * links. Every pattern starts only where a run of its characters starts (a look-behind), and every repetition is
 * bounded, so matching is linear in the text length. Thread-safe.
 */
final class LinkRule {
    /** Top-level domains a bare domain must end with (so "z.B.", "3.5" or "invoice.pdf" are no domains). */
    static final String TLD = "(?:com|net|org|info|biz|io|co|me|ly|gl|gd|to|eu|de|at|ch|fr|it|es|uk|nl|be|pl|se|dk"
            + "|no|fi|pt|ie|cz|us|ca|au|jp|cn|ru|br|mx|tv|xyz|shop|store|online|site|app|link|page|club|top|lu|gr"
            + "|hu|ro|sk|tr|nz|email|live|web|digital|tech|blog|biz)";
    private static final String LABEL = "[a-z0-9][a-z0-9-]{0,62}";
    private static final Pattern URL = Pattern.compile(
            "(?<![a-z0-9])(?:(?:https?|ftp)://|www\\.)[^\\s<>\"]{1,2000}+"
                    + "|(?<![a-z0-9.@_%+-])(?:" + LABEL + "\\.){1,6}" + TLD + "(?![a-z0-9-])(?::\\d{1,5})?"
                    + "(?:[/?#][^\\s<>\"]{0,2000}+)?");
    private static final Pattern OBFUSCATED = Pattern.compile(
            "(?<![a-z0-9-])(" + LABEL + ")(?:[ \\t]*(?:\\[\\.\\]|\\(\\.\\)|\\[(?:dot|punkt|punt|kropka)\\]"
                    + "|\\((?:dot|punkt|punt|kropka)\\)|\\{dot\\})[ \\t]*"
                    + "|[ \\t]+(?:dot|punkt|punt|kropka|prick)[ \\t]+)(" + TLD + ")(?![a-z0-9-])"
                    + "|(?<![a-z0-9-])(" + LABEL + ")[ \\t]+(?:point|punto)[ \\t]+(com|net|org|info|eu|io|shop)"
                    + "(?![a-z0-9-])");
    private static final Pattern TRACKING_NUMBER = Pattern.compile("[a-z0-9]{10,35}");

    private final CarrierLinkPolicy policy;

    LinkRule(CarrierLinkPolicy policy) {
        this.policy = policy;
    }

    void scan(FoldedText text, List<Span> out) {
        String f = text.folded();
        if (mayHaveUrl(f)) {
            Matcher m = URL.matcher(f);
            while (m.find()) {
                int end = trimTrailing(f, m.start(), m.end());
                String url = f.substring(m.start(), end);
                report(text, m.start(), end, host(url), url, out);
            }
        }
        if (!EmailRule.mayHaveSpelledDot(f)) {
            return;
        }
        Matcher o = OBFUSCATED.matcher(f);
        while (o.find()) {
            String host = o.group(1) != null ? o.group(1) + "." + o.group(2) : o.group(3) + "." + o.group(4);
            report(text, o.start(), o.end(), host, "", out);
        }
    }

    /**
     * False when {@code folded} has neither "://", "www." nor a dot followed by a letter (every bare domain ends in
     * one: ".de", ".com"): then {@link #URL} cannot match and need not run.
     */
    static boolean mayHaveUrl(String folded) {
        if (folded.contains("://") || folded.contains("www.")) {
            return true;
        }
        for (int i = folded.indexOf('.'); i >= 0 && i + 1 < folded.length(); i = folded.indexOf('.', i + 1)) {
            char next = folded.charAt(i + 1);
            if (next >= 'a' && next <= 'z') {
                return true;
            }
        }
        return false;
    }

    private void report(FoldedText text, int fs, int fe, String host, String url, List<Span> out) {
        if (DomainLists.isAmazon(host)) {
            return;
        }
        String carrier = DomainLists.carrier(host);
        if (carrier != null && policy == CarrierLinkPolicy.ALLOW_KNOWN_CARRIERS) {
            return;
        }
        String explanation;
        String alternative;
        if (carrier != null) {
            explanation = "Link to the " + carrier + " tracking site: Amazon often strips carrier links from messages.";
            String number = trackingNumber(url);
            alternative = "Give the carrier and tracking number as plain text: " + carrier
                    + (number == null ? ", tracking number …" : " " + number.toUpperCase(Locale.ROOT)) + ".";
        } else {
            explanation = "External link to " + host + ": only links needed to complete the order (Amazon's own) "
                    + "are allowed.";
            alternative = "Remove the link; Amazon removes external links. Describe the information in the message "
                    + "or point to the order page in the buyer's Amazon account.";
        }
        out.add(new Span(RuleId.EXTERNAL_LINK, Severity.BLOCK, text.rawStart(fs), text.rawEnd(fe), explanation,
                alternative));
    }

    static String host(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int end = start;
        while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String host = url.substring(start, end);
        int at = host.lastIndexOf('@');
        host = at >= 0 ? host.substring(at + 1) : host;
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static String trackingNumber(String url) {
        Matcher m = TRACKING_NUMBER.matcher(url);
        String best = null;
        while (m.find()) {
            String s = m.group();
            if (s.chars().filter(Character::isDigit).count() >= 8 && (best == null || s.length() > best.length())) {
                best = s;
            }
        }
        return best;
    }

    private static int trimTrailing(String f, int start, int end) {
        while (end > start && ".,;:!?)]}'\"»".indexOf(f.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }
}
