package com.deskbridge.compliance;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link RuleId#EMAIL_ADDRESS}: plain addresses and obfuscated ones ("name(at)domain.de", "name [at] domain
 * [dot] com", "name at domain dot com", "nombre arroba dominio punto es"). The spelled-out "at" only counts with a
 * spelled-out or bracketed "dot", so "we are at example.com" stays a link, not an address. Always
 * {@link Severity#BLOCK}. Linear: each pattern starts only at the start of a run of address characters.
 */
final class EmailRule {
    private static final String LOCAL = "(?<![a-z0-9._%+-])[a-z0-9._%+-]{1,64}";
    /** "dot" in the eight languages: dot, punkt (de, pl, sv), point, punto, punt, kropka, prick. */
    private static final String DOTS = "(?:dot|punkt|point|punto|punt|kropka|prick)";
    private static final String DOT_WORD = "(?:[ \\t]*(?:\\(" + DOTS + "\\)|\\[" + DOTS + "\\]|\\{" + DOTS
            + "\\}|\\(\\.\\)|\\[\\.\\])[ \\t]*|[ \\t]+" + DOTS + "[ \\t]+)";
    private static final String DOT_ANY = "(?:[ \\t]*\\.[ \\t]*|" + DOT_WORD + ")";
    private static final String PART = "[a-z0-9-]{1,63}";
    private static final String END = LinkRule.TLD + "(?![a-z0-9-])";
    private static final Pattern PLAIN = Pattern.compile(
            LOCAL + "@(?:[a-z0-9-]{1,63}\\.){1,6}[a-z]{2,24}(?![a-z0-9-])");
    private static final Pattern BRACKETED = Pattern.compile(
            LOCAL + "[ \\t]*(?:\\(at\\)|\\[at\\]|\\{at\\}|\\(@\\)|\\[@\\]|\\(a\\)|@)[ \\t]*" + PART + "(?:" + DOT_ANY + PART
                    + "){0,3}" + DOT_ANY + END);
    private static final Pattern SPELLED = Pattern.compile(
            LOCAL + "[ \\t]+(?:at|arroba|chiocciola|chez|bei|snabel-a|malpa|apenstaartje)[ \\t]+" + PART + "(?:" + DOT_ANY + PART + "){0,3}"
                    + DOT_WORD + END);

    private static final String EXPLANATION = "E-mail address: contact details for off-Amazon contact are not allowed.";
    private static final String ALTERNATIVE = "Remove the address and ask the buyer to reply in this Amazon "
            + "messaging thread.";

    void scan(FoldedText text, List<Span> out) {
        String f = text.folded();
        boolean at = f.indexOf('@') >= 0;
        if (at) {
            find(PLAIN, text, out);
        }
        if (at || f.contains("(at)") || f.contains("[at]") || f.contains("{at}") || f.contains("(a)")) {
            find(BRACKETED, text, out);
        }
        if (mayHaveSpelledDot(f)) {
            find(SPELLED, text, out);
        }
    }

    /**
     * False when {@code folded} holds none of the spelled or bracketed dots ("dot", "punkt", "point", "punto",
     * "punt", "kropka", "prick", "(.)", "[.]") that an obfuscated address or domain needs: no such pattern can
     * match, so it need not run.
     */
    static boolean mayHaveSpelledDot(String folded) {
        return folded.contains("dot") || folded.contains("pun") || folded.contains("point") || folded.contains("kropka")
                || folded.contains("prick") || folded.contains("(.)") || folded.contains("[.]");
    }

    private static void find(Pattern p, FoldedText text, List<Span> out) {
        Matcher m = p.matcher(text.folded());
        while (m.find()) {
            out.add(new Span(RuleId.EMAIL_ADDRESS, Severity.BLOCK, text.rawStart(m.start()), text.rawEnd(m.end()),
                    EXPLANATION, ALTERNATIVE));
        }
    }
}
