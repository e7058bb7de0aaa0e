package com.deskbridge.compliance;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@link RuleId#PHONE_NUMBER}, by a hand-written linear scan rather than one large regex. A candidate is a maximal
 * run of digits joined by short runs of spaces, dashes (also en and em dashes), dots, slashes, brackets and line
 * breaks, optionally led by "+", not glued to letters (so "1Z999AA10123456784" and "JJD000390007768012" are never
 * candidates); a run broken over two lines counts only right after a phone word, a bracket opened and not closed
 * ends it ("n° 012345 (75011 Paris)"), and a run led by a year ("2026-04-117") or running on into letters ("…/B") or
 * following a token of letters and digits (an IBAN's "NL91 ABNA …") is a reference. It is a phone number when it
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
                    + "|anrufen|rufen|erreichbar|wahlen|appel\\w*|joindre|portable|compos\\w*|chiam\\w*|cellulare|bel|bellen|belt"
                    + "|zadzwon\\w*|dzwon\\w*|"
                    + "llam\\w*|movil|contact\\w*|kontakt\\w*|contatt\\w*|sms|text)(?![a-z])");
    private static final Pattern ID_WORD = Pattern.compile(
            "(?<![a-z])(?:order|orders|tracking|track|shipment|parcel|package|invoice|ref|reference|asin|ean|gtin"
                    + "|iban|bic|sendung\\w*|bestell\\w*|paket\\w*|rechnung\\w*|auftrag\\w*|commande|suivi|colis"
                    + "|facture|ordine|spedizione|tracciamento|fattura|pedido|envio|seguimiento|factura|id|code|codice"
                    + "|codigo|article|artikel|sku|lot|serial\\w*|serie\\w*|isbn|issn|imei|sn|s/n|ust|idnr|vat|tva|iva"
                    + "|btw|moms|nip|regon|krs|siret|siren|hrb|hra|cif|nif|steuer\\w*|tax|guia|tracked|tracking\\w*"
                    + "|edition|edizione|edicion|druk|upplaga|wydanie|auflage|kundennummer|kundennr|kundnummer|klantnummer"
                    + "|customer (?:no|number|id)|artikel\\w*|vorgang\\w*|aktenzeichen|referenz\\w*|ticket\\w*|case"
                    + "|rcs|kvk|org\\.? ?nr|organisationsnummer|handelsregister|rekening\\w*|konto|kontonummer|kontonr|compte|conto"
                    + "|cuenta|rachunek\\w*|expediente|dossier\\w*|pratica|sprawy|arende\\w*)(?![a-z])");
    /** At most this many words between an id word and a number for the id word to say what the number is. */
    private static final int ID_WORD_REACH = 3;
    private static final Pattern DATE = Pattern.compile(
            "\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}");
    /** A reference led by a year: "2026-04-117", "2025/0042". */
    private static final Pattern YEAR_LED = Pattern.compile("(?:19|20)\\d\\d[-/.]");
    private static final Pattern ORDER_ID = Pattern.compile("\\d{3}-\\d{7}-\\d{7}");
    private static final String EXPLANATION = "Telephone number: contact details for off-Amazon contact are not "
            + "allowed.";
    private static final String ALTERNATIVE = "Remove the number and ask the buyer to use the Amazon messaging "
            + "thread; Amazon offers buyers a call-back option itself.";

    void scan(FoldedText text, List<Span> out) {
        String f = zeroForLetterO(text.folded());
        int i = 0;
        int n = f.length();
        while (i < n) {
            char c = f.charAt(i);
            boolean whatsApp = i >= 6 && isDigit(c) && f.startsWith("wa.me/", i - 6);
            boolean startable = isDigit(c) || ((c == '+' || c == '(') && i + 1 < n && isDigit(f.charAt(i + 1)));
            if (!startable || (!whatsApp && i > 0 && glued(f.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = trim(f, i, extend(f, i));
            if (end < n && Character.isLetter(f.charAt(end))) {
                i = end + 1;
                continue;
            }
            if (whatsApp ? end - i >= 7 && end - i <= 15 : isPhone(f, i, end) && !upuTracking(text, i, end)) {
                out.add(new Span(RuleId.PHONE_NUMBER, Severity.BLOCK, text.rawStart(i), text.rawEnd(end), EXPLANATION,
                        ALTERNATIVE));
            }
            i = Math.max(end, i + 1);
        }
        SpelledNumbers.scan(text, EXPLANATION, ALTERNATIVE, out);
    }

    /**
     * {@code folded} with the letter "o" read as zero inside a token of digits and o's that holds a digit ("O2O 7946
     * 0O18"); same length, so offsets stay.
     */
    static String zeroForLetterO(String folded) {
        if (folded.indexOf('o') < 0) {
            return folded;
        }
        char[] out = null;
        int n = folded.length();
        int i = 0;
        while (i < n) {
            int j = i;
            boolean digit = false;
            boolean o = false;
            while (j < n && (isDigit(folded.charAt(j)) || folded.charAt(j) == 'o')) {
                digit |= isDigit(folded.charAt(j));
                o |= folded.charAt(j) == 'o';
                j++;
            }
            boolean bounded = (i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1)))
                    && (j == n || !Character.isLetterOrDigit(folded.charAt(j)));
            if (j > i && digit && o && j - i >= 3 && bounded) {
                out = out == null ? folded.toCharArray() : out;
                for (int k = i; k < j; k++) {
                    out[k] = out[k] == 'o' ? '0' : out[k];
                }
            }
            i = j > i ? j : i + 1;
        }
        return out == null ? folded : new String(out);
    }

    private static boolean glued(char p) {
        return Character.isLetterOrDigit(p) || p == '+' || p == '-' || p == '/' || p == '.' || p == '_' || p == '€'
                || p == '$' || p == '£' || p == '#';
    }

    /**
     * The end of the maximal candidate run from {@code i}, trailing separators excluded: digit groups joined by runs
     * of at most three separators ("0521 / 98 76 54-12", "+49 (0) 40 / 555", "010 - 765 43 21").
     */
    private static int extend(String f, int i) {
        int j = i + 1;
        int lastDigit = isDigit(f.charAt(i)) ? i : -1;
        int n = f.length();
        while (j < n) {
            char c = f.charAt(j);
            if (isDigit(c)) {
                lastDigit = j;
                j++;
                continue;
            }
            int k = j;
            while (k < n && k - j <= 3 && isSeparator(f.charAt(k))) {
                k++;
            }
            if (k == j || k - j > 3 || k >= n || !isDigit(f.charAt(k))) {
                break;
            }
            j = k;
        }
        return lastDigit < 0 ? i + 1 : lastDigit + 1;
    }

    /**
     * The run {@code [start, end)} cut where it stops being one number: before a bracket it opens and does not close
     * ("n° 012345 (75011 Paris)", "0800 123 4567 (24h)"), and at a line break unless a phone word leads to it (digits
     * on two lines are one number only after a phone word: "composez le 09 87⏎65 43 21", while "+49 30 1234567⏎10115
     * Berlin" is a number above a postcode).
     */
    private static int trim(String f, int start, int end) {
        int cut = end;
        int open = f.indexOf('(', start + 1);
        if (open > 0 && open < end) {
            int close = f.indexOf(')', open);
            if (close < 0 || close >= end) {
                cut = open;
            }
        }
        int lineBreak = f.indexOf('\n', start);
        if (lineBreak > 0 && lineBreak < cut && !phoneWordLast(before(f, start))) {
            cut = lineBreak;
        }
        while (cut > start + 1 && !isDigit(f.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }

    /** The text before {@code start} on its line, at most {@link #WINDOW} characters. */
    private static String before(String f, int start) {
        int lineStart = f.lastIndexOf('\n', start - 1);
        return f.substring(Math.max(Math.max(0, start - WINDOW), lineStart + 1), start);
    }

    /** A phone word closes {@code before}: none, or none after the last id word, is no phone word. */
    private static boolean phoneWordLast(String before) {
        int phoneAt = lastMatch(PHONE_WORD, before)[0];
        return phoneAt >= 0 && phoneAt > lastMatch(ID_WORD, before)[0];
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '\u2013' || c == '\u2014'
                || c == '\n';
    }

    private static boolean isPhone(String f, int start, int end) {
        String s = f.substring(start, end);
        if (YEAR_LED.matcher(s).lookingAt() || codeContinues(f, end)) {
            return false; // a reference that starts with a year ("2026-04-117") or runs on into letters ("…/B")
        }
        int digits = 0;
        int groups = 1;
        for (int k = 0; k < s.length(); k++) {
            if (isDigit(s.charAt(k))) {
                digits++;
            } else if (k > 0 && isDigit(s.charAt(k - 1))) {
                groups++;
            }
        }
        String bare = s.startsWith("(") ? s.substring(1) : s;
        if (digits < 7 || digits > 15 || DATE.matcher(bare).matches() || ORDER_ID.matcher(s).matches()
                || price(f, start, end) || isbn(s, digits) || codeAround(f, start, end, digits)) {
            return false;
        }
        String before = before(f, start);
        int[] idAt = lastMatch(ID_WORD, before);
        boolean idClose = idAt[0] >= 0 && words(before.substring(idAt[1])) <= ID_WORD_REACH;
        if (phoneWordLast(before)) {
            return true;
        }
        if (idClose) {
            return false;
        }
        if (s.contains(" / ") || s.contains(" - ") || s.contains("/ ") || s.contains(" /")) {
            // groups joined by spaced separators ("36 / 38 / 40 / 42") only as a dialling code: 0…, +…, (…
            return s.startsWith("0") || s.startsWith("+") || s.startsWith("(");
        }
        if (s.startsWith("+") || (s.startsWith("00") && digits >= 9)) {
            return true;
        }
        boolean formatted = groups >= 2;
        return formatted && (s.startsWith("0") || s.startsWith("(") || (groups >= 3 && digits >= 9 && digits <= 13));
    }

    /** The digits run straight on into a letter after a slash or dash: "2026-04-117/B", "4711-A". */
    private static boolean codeContinues(String f, int end) {
        return end + 1 < f.length() && (f.charAt(end) == '/' || f.charAt(end) == '-')
                && Character.isLetter(f.charAt(end + 1));
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

    /** {start, end} of the last match of {@code p} in {@code s}, or {-1, -1}. */
    private static int[] lastMatch(Pattern p, String s) {
        var m = p.matcher(s);
        int[] last = {-1, -1};
        while (m.find()) {
            last[0] = m.start();
            last[1] = m.end();
        }
        return last;
    }

    private static int words(String s) {
        int count = 0;
        for (int k = 0; k < s.length(); k++) {
            if (Character.isLetter(s.charAt(k)) && (k == 0 || !Character.isLetter(s.charAt(k - 1)))) {
                count++;
            }
        }
        return count;
    }

    /** An ISBN-13 written with dashes (978-…, 979-…). */
    private static boolean isbn(String s, int digits) {
        return digits == 13 && (s.startsWith("978") || s.startsWith("979")) && s.indexOf('-') > 0;
    }

    /**
     * The digits belong to a code with letters: a token of letters and digits one or two tokens before ("1Z 4E8 372
     * 68 0012", an IBAN "NL91 ABNA 0417 1643 00"; "SN 2309 …" is left to the id words), or a UPU tracking number "LX 120 337 456 GB" (two letters, nine digits,
     * two letters).
     */
    private static boolean codeAround(String f, int start, int end, int digits) {
        int e = start;
        for (int token = 0; token < 2 && e > 0 && f.charAt(e - 1) == ' '; token++) {
            e--;
            int b = e;
            while (b > 0 && Character.isLetterOrDigit(f.charAt(b - 1)) && e - b < 12) {
                b--;
            }
            String prev = f.substring(b, e);
            if (prev.isEmpty() || !prev.chars().allMatch(Character::isLetterOrDigit)) {
                return false;
            }
            if (prev.chars().anyMatch(Character::isLetter) && prev.chars().anyMatch(PhoneRule::isDigitInt)) {
                return true;
            }
            e = b;
        }
        return false;
    }

    /**
     * A UPU tracking number written in groups, "LX 120 337 456 GB": two capital letters, nine digits, two capital
     * letters (capitals are checked in the original text, so "på 031-12 34 56 så" stays a phone number).
     */
    private static boolean upuTracking(FoldedText text, int start, int end) {
        String raw = text.raw();
        int s = text.rawStart(start);
        int e = text.rawEnd(end);
        long digits = raw.substring(s, e).chars().filter(PhoneRule::isDigitInt).count();
        return digits == 9 && s >= 3 && e + 3 <= raw.length() && raw.charAt(s - 1) == ' ' && raw.charAt(e) == ' '
                && capitals(raw, s - 3) && capitals(raw, e + 1) && (s == 3 || !Character.isLetterOrDigit(raw.charAt(s - 4)))
                && (e + 3 == raw.length() || !Character.isLetterOrDigit(raw.charAt(e + 3)));
    }

    private static boolean capitals(String raw, int at) {
        return Character.isUpperCase(raw.charAt(at)) && Character.isUpperCase(raw.charAt(at + 1));
    }

    private static boolean isDigitInt(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
