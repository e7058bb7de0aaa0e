package com.deskbridge.compliance;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link RuleId#EMAIL_ADDRESS}: plain addresses and obfuscated ones in the eight languages: a bracketed "at"
 * ("name(at)domain.de", "name [arobase] domain.fr", "name (chiocciola) domain (punto) it", "name (małpa) domain
 * (kropka) pl", "name [snabel-a] domain.se", "name (ät) domain de"), a spelled-out one that only means "@"
 * ("nombre arroba dominio punto es", "nom arobase domaine point fr") and the plain word "at" ("write to service at
 * myshop dot com"). The plain word "at" (and "chez", "bei") also means "at a web site", so it counts only with a
 * spelled or bracketed "dot" and a sign that the word before it is a mailbox: it holds a dot, digit or dash, is a
 * usual mailbox name ("info", "support", "service" …) or follows "to", "e-mail", "write" …; "register at example
 * dot com" and "order from us at example dot co dot uk" stay links. A handle ("Instagram @shop.eu") is no address.
 * Always {@link Severity#BLOCK}. Linear: each pattern starts only at the start of a run of address characters and
 * every repetition is bounded.
 */
final class EmailRule {
    private static final String LOCAL = "(?<![a-z0-9._%+-])([a-z0-9._%+-]{1,64})";
    /** "dot" in the eight languages: dot, punkt (de, pl, sv), point, punto, punt, kropka, prick. */
    static final String DOT_NAMES = "dot|punkt|point|punto|punt|kropka|prick";
    static final String DOTS = "(?:" + DOT_NAMES + ")";
    /** A bracketed "dot" ("(punkt)", "[.]") or a spelled one between spaces (" dot "). */
    static final String DOT_WORD = "(?:[ \\t]*(?:\\(" + DOTS + "\\)|\\[" + DOTS + "\\]|\\{" + DOTS
            + "\\}|\\(\\.\\)|\\[\\.\\])[ \\t]*|[ \\t]+" + DOTS + "[ \\t]+)";
    private static final String DOT_ANY = "(?:[ \\t]*\\.[ \\t]*|" + DOT_WORD + ")";
    private static final String PART = "[a-z0-9-]{1,63}";
    private static final String END = LinkRule.TLD + "(?![a-z0-9-])";
    /** Words that stand only for "@": arroba (es), arobase (fr), chiocciola (it), małpa (pl), snabel-a (sv) … */
    private static final String AT_WORDS = "(?:arroba|arobase|chiocciola|malpa|snabel-a|apenstaartje|klammeraffe)";
    private static final Pattern PLAIN = Pattern.compile(
            LOCAL + "@(?:[a-z0-9-]{1,63}\\.){1,6}[a-z]{2,24}(?![a-z0-9-])");
    /** A bracketed "at" (or a bare "@" with spaces on both sides); the last dot may even be a space. */
    private static final Pattern BRACKETED = Pattern.compile(
            LOCAL + "(?:[ \\t]*(?:[(\\[{][ \\t]?(?:at|@|a|" + AT_WORDS + ")[ \\t]?[)\\]}])[ \\t]*|@|[ \\t]+@[ \\t]+)"
                    + PART + "(?:" + DOT_ANY + PART + "){0,3}(?:" + DOT_ANY + "|[ \\t]+)" + END);
    /** A spelled word that only means "@"; any dot. */
    private static final Pattern SPELLED = Pattern.compile(
            LOCAL + "[ \\t]+" + AT_WORDS + "[ \\t]+" + PART + "(?:" + DOT_ANY + PART + "){0,3}" + DOT_ANY + END);
    /** The ambiguous "at", "chez", "bei": a spelled or bracketed last dot, and a mailbox ({@link #mailbox}). */
    private static final Pattern SPELLED_AT = Pattern.compile(
            LOCAL + "[ \\t]+(?:at|chez|bei)[ \\t]+" + PART + "(?:" + DOT_ANY + PART + "){0,3}" + DOT_WORD + END);
    private static final Set<String> MAILBOXES = Set.of("info", "support", "service", "sales", "contact", "hello",
            "help", "helpdesk", "kontakt", "office", "mail", "team", "orders", "order", "shop", "admin", "care",
            "returns", "billing", "kundenservice", "bestellung", "sav", "assistenza", "servizio", "servicio",
            "ventas", "pedidos", "contacto", "contatto", "atencion", "klantenservice", "kundtjanst", "obsluga",
            "biuro", "sklep", "vendite", "ordini", "hallo", "hej", "ciao", "hola", "bonjour", "reklamation",
            "garantie", "garantia", "garanzia", "warranty", "retour", "retouren", "devoluciones", "resi", "reso",
            "zwroty", "kundservice", "klantservice", "webshop", "noreply", "no-reply");
    private static final Set<String> CUES = Set.of("to", "email", "e-mail", "mail", "mailen", "write", "an", "a",
            "naar", "till", "do", "adresse", "address", "adres", "adress", "direccion", "indirizzo", "at", "unter",
            "schreiben", "ecrivez", "scrivici", "scriva", "escribanos", "escriba", "mejla", "napisz", "contact",
            "kontakt", "contatto", "contacto", "reach", "mailto", "e-mailen", "contattare");

    private static final String EXPLANATION = "E-mail address: contact details for off-Amazon contact are not allowed.";
    private static final String ALTERNATIVE = "Remove the address and ask the buyer to reply in this Amazon "
            + "messaging thread.";

    void scan(FoldedText text, List<Span> out) {
        String f = text.folded();
        boolean at = f.indexOf('@') >= 0;
        if (at) {
            find(PLAIN, text, out, false);
        }
        if (at || f.indexOf('(') >= 0 || f.indexOf('[') >= 0 || f.indexOf('{') >= 0) {
            find(BRACKETED, text, out, false);
        }
        if (f.contains("arroba") || f.contains("arobase") || f.contains("chiocciola") || f.contains("malpa")
                || f.contains("snabel-a") || f.contains("apenstaartje") || f.contains("klammeraffe")) {
            find(SPELLED, text, out, false);
        }
        if (mayHaveSpelledDot(f)) {
            find(SPELLED_AT, text, out, true);
        }
    }

    /**
     * False when {@code folded} holds none of the spelled or bracketed dots ("dot", "punkt", "point", "punto",
     * "punt", "kropka", "prick", "(.)", "[.]", " . ") that an obfuscated address or domain needs: no such pattern can
     * match, so it need not run.
     */
    static boolean mayHaveSpelledDot(String folded) {
        return folded.contains("dot") || folded.contains("pun") || folded.contains("point") || folded.contains("kropka")
                || folded.contains("prick") || folded.contains("(.)") || folded.contains("[.]") || folded.contains(" . ");
    }

    /** True when the local part {@code local} at {@code start} of {@code f} looks like a mailbox, not a word. */
    private static boolean mailbox(String f, int start, String local) {
        if (MAILBOXES.contains(local) || local.chars().anyMatch(c -> c == '.' || c == '-' || c == '_'
                || (c >= '0' && c <= '9'))) {
            return true;
        }
        int e = start;
        while (e > 0 && " \t:,".indexOf(f.charAt(e - 1)) >= 0 && start - e < 4) {
            e--;
        }
        int b = e;
        while (b > 0 && e - b < 20 && (Character.isLetter(f.charAt(b - 1)) || f.charAt(b - 1) == '-')) {
            b--;
        }
        return CUES.contains(f.substring(b, e));
    }

    private static void find(Pattern p, FoldedText text, List<Span> out, boolean needMailbox) {
        Matcher m = p.matcher(text.folded());
        while (m.find()) {
            if (needMailbox && !mailbox(text.folded(), m.start(), m.group(1))) {
                continue;
            }
            out.add(new Span(RuleId.EMAIL_ADDRESS, Severity.BLOCK, text.rawStart(m.start()), text.rawEnd(m.end()),
                    EXPLANATION, ALTERNATIVE));
        }
    }
}
