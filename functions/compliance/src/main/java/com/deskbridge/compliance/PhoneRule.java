package com.deskbridge.compliance;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@link RuleId#PHONE_NUMBER}, by a hand-written linear scan rather than one large regex. A candidate is a maximal
 * run of digits joined by single spaces, dashes, dots, slashes and brackets, optionally led by "+", not glued to
 * letters (so "1Z999AA10123456784" and "JJD000390007768012" are never candidates). It is a phone number when it
 * has 7–15 digits, is no date, price or Amazon order id, and either follows a phone word ("tel", "call",
 * "anrufen", "téléphone", "chiamare", "llamar", "WhatsApp" …) closely, or starts with "+"/"00", or is formatted
 * like a phone number (groups starting with 0 or a bracket, or three or more groups of 9–13 digits) and does not
 * follow an id word ("order", "tracking", "Sendungsnummer", "commande", "ordine", "pedido", "IBAN" …). Bare
 * unformatted digit runs (EANs, references) are left alone. {@link Severity#BLOCK}.
 */
final class PhoneRule {
    private static final int WINDOW = 40;
    private static final Pattern PHONE_WORD = Pattern.compile(
            "(?<![a-z])(?:tel|tel\\.|telefon\\w*|telephone|phone|call|ring|mobile|mobil|handy|cell|fax|hotline|whatsapp"
                    + "|anrufen|rufen|erreichbar|appel\\w*|joindre|portable|chiama\\w*|cellulare|"
                    + "llam\\w*|movil|contact\\w*|kontakt\\w*|contatt\\w*|sms|text)(?![a-z])");
    private static final Pattern ID_WORD = Pattern.compile(
            "(?<![a-z])(?:order|orders|tracking|track|shipment|parcel|package|invoice|ref|reference|asin|ean|gtin"
                    + "|iban|bic|sendung\\w*|bestell\\w*|paket\\w*|rechnung\\w*|auftrag\\w*|commande|suivi|colis"
                    + "|facture|ordine|spedizione|tracciamento|fattura|pedido|envio|seguimiento|factura|id|code|codice"
                    + "|codigo|article|artikel|sku|lot|serial|serie)(?![a-z])");
    private static final Pattern DATE = Pattern.compile(
            "\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}");
    private static final Pattern ORDER_ID = Pattern.compile("\\d{3}-\\d{7}-\\d{7}");
    private static final String EXPLANATION = "Telephone number: contact details for off-Amazon contact are not "
            + "allowed.";
    private static final String ALTERNATIVE = "Remove the number and ask the buyer to use the Amazon messaging "
            + "thread; Amazon offers buyers a call-back option itself.";

    void scan(FoldedText text, List<Span> out) {
        String f = text.folded();
        int i = 0;
        int n = f.length();
        while (i < n) {
            char c = f.charAt(i);
            boolean startable = isDigit(c) || ((c == '+' || c == '(') && i + 1 < n && isDigit(f.charAt(i + 1)));
            if (!startable || (i > 0 && glued(f.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = extend(f, i);
            if (end < n && Character.isLetter(f.charAt(end))) {
                i = end + 1;
                continue;
            }
            if (isPhone(f, i, end)) {
                out.add(new Span(RuleId.PHONE_NUMBER, Severity.BLOCK, text.rawStart(i), text.rawEnd(end), EXPLANATION,
                        ALTERNATIVE));
            }
            i = Math.max(end, i + 1);
        }
    }

    private static boolean glued(char p) {
        return Character.isLetterOrDigit(p) || p == '+' || p == '-' || p == '/' || p == '.' || p == '_' || p == '€'
                || p == '$' || p == '£' || p == '#';
    }

    /** The end of the maximal candidate run from {@code i}, trailing separators excluded. */
    private static int extend(String f, int i) {
        int j = i + 1;
        int lastDigit = isDigit(f.charAt(i)) ? i : -1;
        int n = f.length();
        while (j < n) {
            char c = f.charAt(j);
            if (isDigit(c)) {
                lastDigit = j;
            } else if (!(c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')')
                    || (j + 1 < n && !isDigit(f.charAt(j + 1)) && f.charAt(j + 1) != '(' && c != ')')) {
                break;
            }
            j++;
        }
        return lastDigit < 0 ? i + 1 : lastDigit + 1;
    }

    private static boolean isPhone(String f, int start, int end) {
        String s = f.substring(start, end);
        int digits = 0;
        int groups = 1;
        for (int k = 0; k < s.length(); k++) {
            if (isDigit(s.charAt(k))) {
                digits++;
            } else if (k > 0 && isDigit(s.charAt(k - 1))) {
                groups++;
            }
        }
        if (digits < 7 || digits > 15 || DATE.matcher(s).matches() || ORDER_ID.matcher(s).matches()
                || price(f, start, end)) {
            return false;
        }
        int from = Math.max(0, start - WINDOW);
        int lineStart = f.lastIndexOf('\n', start - 1);
        String before = f.substring(Math.max(from, lineStart + 1), start);
        int phoneAt = lastMatch(PHONE_WORD, before);
        int idAt = lastMatch(ID_WORD, before);
        if (phoneAt >= 0 && phoneAt > idAt) {
            return true;
        }
        if (idAt >= 0) {
            return false;
        }
        if (s.startsWith("+") || (s.startsWith("00") && digits >= 9)) {
            return true;
        }
        boolean formatted = groups >= 2;
        return formatted && (s.startsWith("0") || s.startsWith("(") || (groups >= 3 && digits >= 9 && digits <= 13));
    }

    private static boolean price(String f, int start, int end) {
        int b = start - 1;
        while (b >= 0 && f.charAt(b) == ' ') {
            b--;
        }
        if (b >= 0 && "€$£".indexOf(f.charAt(b)) >= 0) {
            return true;
        }
        String after = f.substring(end, Math.min(f.length(), end + 5)).trim();
        return after.startsWith("€") || after.startsWith("eur") || after.startsWith("$") || after.startsWith("usd")
                || after.startsWith("£") || after.startsWith("gbp") || after.startsWith("%");
    }

    private static int lastMatch(Pattern p, String s) {
        var m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
