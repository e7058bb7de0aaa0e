package com.deskbridge.compliance;

import java.util.List;
import java.util.Locale;
import java.util.Set;
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
            + "|hu|ro|sk|tr|nz|nu|email|live|web|digital|tech|blog|biz)";
    private static final String LABEL = "[a-z0-9][a-z0-9-]{0,62}";
    private static final Pattern URL = Pattern.compile(
            "(?<![a-z0-9])(?:(?:https?|ftp)://|www\\.)[^\\s<>\"]{1,2000}+"
                    + "|(?<![a-z0-9.@_%+-])(?:" + LABEL + "\\.){1,6}" + TLD + "(?![a-z0-9-])(?::\\d{1,5})?"
                    + "(?:[/?#][^\\s<>\"]{0,2000}+)?");
    /** Short-link hosts whose top-level domain is not in {@link #TLD} (bit.ly, goo.gl, is.gd, wa.me are). */
    private static final String SHORT_LINKS = "(?:tiny\\.cc|rb\\.gy|lnkd\\.in|s\\.id|qr\\.ae|cutt\\.us|shorturl\\.at|linktr\\.ee|lnk\\.bio)";
    private static final Pattern SHORT_LINK = Pattern.compile("(?<![a-z0-9.@_%+-])" + SHORT_LINKS
            + "(?![a-z0-9-])(?:[/?#][^\\s<>\"]{0,2000}+)?");
    /** A spelled-out, bracketed or spaced dot between labels: " dot ", " punto ", "(punkt)", "[.]", " . ". */
    private static final String SEP = "(?:[ \\t]*(?:\\[\\.\\]|\\(\\.\\)|[(\\[{]" + EmailRule.DOTS + "[)\\]}])[ \\t]*"
            + "|[ \\t]+(?:" + EmailRule.DOT_NAMES + "|\\.)[ \\t]+)";
    /** A spelled-out path after a domain: "/ guide", " slash guide", " barra guia", " Schrägstrich x". */
    private static final String SPELLED_PATH = "(?:[ \\t]*/[ \\t]*|[ \\t]+(?:slash|barra|schragstrich|ukosnik|snedstreck)"
            + "[ \\t]+)[a-z0-9_-]{1,100}(?![a-z0-9-])";
    private static final Pattern OBFUSCATED = Pattern.compile(
            "(?<![a-z0-9-])" + LABEL + "(?:" + SEP + LABEL + "){0,3}" + SEP + "(" + TLD + ")(?![a-z0-9-])(?:"
                    + SPELLED_PATH + ")?");
    /** "w w w . shop . de / x", "www . shop . pl", "www shop de/x": a web address with spaces for dots. */
    private static final Pattern SPACED_WWW = Pattern.compile(
            "(?<![a-z0-9])(?:w[ \\t]w[ \\t]w|www)(?:[ \\t]*\\.[ \\t]*|[ \\t]+)(?:" + LABEL
                    + "(?:[ \\t]*\\.[ \\t]*|[ \\t]+)){1,3}" + TLD + "(?![a-z0-9-])(?:" + SPELLED_PATH + ")?");
    /**
     * Top-level domains that are also words ("punto es", "point de vente", "dot it"): after a spelled dot they
     * count only with more evidence ({@link #spelledDomain}).
     */
    private static final Set<String> WORD_TLDS = Set.of("de", "es", "it", "se", "no", "me", "to", "co", "be", "us",
            "ca", "nu", "at", "tv", "ly", "gl", "gd", "tr", "info", "shop", "store", "online", "site", "app", "link",
            "page", "club", "top", "web", "live", "email", "digital", "tech", "blog", "biz");
    /** The few of {@link #WORD_TLDS} that are words after "punkt", "kropka", "prick" or a bracketed dot too. */
    private static final Set<String> GERMANIC_WORD_TLDS = Set.of("se", "nu", "no", "me", "to", "it", "at");
    /** Words before a spelled dot that make it prose, not a domain: "el punto es", "au point de", "the dot com". */
    private static final Set<String> NOT_LABELS = Set.copyOf(List.of("the", "a", "an", "this", "that", "some", "one", "any",
            "every", "each", "which", "what", "his", "her", "our", "your", "their", "its", "my", "el", "la", "lo",
            "le", "les", "un", "una", "une", "este", "esta", "ese", "otro", "mi", "tu", "su", "del", "al", "cada",
            "ningun", "primer", "de", "du", "au", "ce", "cet", "mon", "ton", "son", "votre", "notre", "chaque", "en",
            "il", "quel", "questo", "ogni", "der", "die", "das", "dem", "den", "ein", "einem", "einen", "einer",
            "kein", "diesem", "at", "in", "on", "to", "of", "by", "for", "is", "no", "ad", "nel", "sul", "dal", "al",
            "un", "uno", "het", "een", "op", "ett", "en", "w", "na", "z", "polka"));
    /** Words shortly before a spelled domain that say a web site follows ("visit", "sito", "sur", "unter" …). */
    private static final Pattern WEB_CUE = Pattern.compile("(?<![a-z])(?:web\\w*|site|sito|sitio|homepage|seite"
            + "|internet\\w*|online|pagina|strona|stronie|webbplats|hemsida|visit\\w*|besuch\\w*|bezoek\\w*|odwiedz"
            + "\\w*|besok|sur|su|sul|auf|unter|op|na|pa|at|on|en|in|www|seguimiento|tracking|tracciamento|suivi"
            + "|sendungsverfolgung|spedizione)(?![a-z])");
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
        if (f.contains(".")) {
            Matcher s = SHORT_LINK.matcher(f);
            while (s.find()) {
                int end = trimTrailing(f, s.start(), s.end());
                String url = f.substring(s.start(), end);
                report(text, s.start(), end, host(url), url, out);
            }
        }
        if (f.contains("www") || f.contains("w w w")) {
            Matcher w = SPACED_WWW.matcher(f);
            while (w.find()) {
                String host = hostOfSpelled(f.substring(w.start(), w.end()).replaceFirst("^w[ \t]?w[ \t]?w", ""));
                report(text, w.start(), w.end(), host, "", out);
            }
        }
        if (!EmailRule.mayHaveSpelledDot(f)) {
            return;
        }
        Matcher o = OBFUSCATED.matcher(f);
        while (o.find()) {
            String match = f.substring(o.start(), o.end());
            if (spelledDomain(f, o.start(), match, o.group(1))) {
                report(text, o.start(), o.end(), hostOfSpelled(match), "", out);
            }
        }
    }

    /**
     * Whether a spelled-out domain {@code match} (at {@code start}, ending in top-level domain {@code tld}) is one:
     * not when its first label is a function word ("el punto es", "au point de"), has no letter or continues a URL
     * ("…?id=2018 . Se"); with a top-level domain that is
     * also a word ({@link #WORD_TLDS}) only with a path, two labels, a dash or digit in a label, or a word before it
     * that announces a web address.
     */
    private static boolean spelledDomain(String f, int start, String match, String tld) {
        String[] words = match.split("[ \\t()\\[\\]{}.]+");
        if (words.length == 0 || NOT_LABELS.contains(words[0]) || words[0].chars().noneMatch(Character::isLetter)
                || (start > 0 && "=/?&#".indexOf(f.charAt(start - 1)) >= 0)) {
            return false;
        }
        boolean wordDots = match.matches("(?s).*[ \\t](?:dot|point|punto|punt|\\.)[ \\t].*");
        if (!WORD_TLDS.contains(tld) || (!wordDots && !GERMANIC_WORD_TLDS.contains(tld))) {
            return true;
        }
        String host = hostOfSpelled(match);
        int labels = host.split("\\.").length;
        if (labels >= 3 || match.contains("/") || match.matches(".*[ \\t](?:slash|barra|schragstrich|ukosnik|snedstreck)"
                + "[ \\t].*") || host.matches(".*[0-9-].*\\..*")) {
            return true;
        }
        String before = f.substring(Math.max(0, start - 30), start);
        int nl = before.lastIndexOf('\n');
        Matcher cue = WEB_CUE.matcher(nl >= 0 ? before.substring(nl + 1) : before);
        int last = -1;
        while (cue.find()) {
            last = cue.end();
        }
        String rest = nl >= 0 ? before.substring(nl + 1) : before;
        return last >= 0 && rest.substring(last).replaceAll("[^a-z ]", " ").trim().split(" +").length <= 3;
    }

    /** The host of a spelled or spaced domain: its labels joined by dots, any path left off. */
    private static String hostOfSpelled(String match) {
        String m = match.replaceAll("(?:[ \\t]*/|[ \\t]+(?:slash|barra|schragstrich|ukosnik|snedstreck)[ \\t]).*$", "");
        String[] parts = m.split("[ \\t]*(?:[(\\[{](?:" + EmailRule.DOT_NAMES + "|\\.)[)\\]}]|\\.)[ \\t]*"
                + "|[ \\t]+(?:(?:" + EmailRule.DOT_NAMES + ")[ \\t]+)?");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : ".").append(p);
            }
        }
        return sb.toString();
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
