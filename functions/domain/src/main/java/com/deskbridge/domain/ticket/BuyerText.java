package com.deskbridge.domain.ticket;

/**
 * How text from buyers (and from the channels that relay them) is made safe to store, show and send back: it is
 * normalised once, at intake, and again when a stored ticket is read, so nothing hostile is stored or served
 * verbatim.
 *
 * <p>Decided (issue 12, failure 7): invisible and direction-changing characters are <em>removed</em>, not shown as
 * codes. They carry no meaning a buyer intends in a support message, and each is a known spoofing device: the bidi
 * embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) and marks (U+200E, U+200F, U+061C) reorder what an
 * agent sees ("Trojan Source", CVE-2021-42574; a file name "invoice\u202Efdp.exe" shows as "invoiceexe.pdf"); zero-width
 * characters (U+200B, U+2060, U+FEFF, U+180E) and other format characters (Unicode category Cf, e.g. the tag
 * characters U+E0000-U+E007F used to smuggle hidden text) hide text from the agent's eye and from rules. The Unicode
 * bidi algorithm still lays out Arabic and Hebrew correctly without explicit controls. Zero-width joiner and
 * non-joiner (U+200C, U+200D) stay in message bodies, where emoji sequences and Indic and Persian spelling need
 * them; single-line fields (subject, names, addresses, file names) lose them too.
 *
 * <p>Control characters (C0 and C1, NUL included) are removed, except that a body keeps its line breaks and tabs
 * (CR LF and CR become LF; U+2028, U+2029 and U+0085 become LF). In a single-line field every line break or tab
 * becomes one space, runs of white space collapse, and an over-long value is cut at {@code max} characters (the
 * last one an ellipsis, never half a surrogate pair). Unpaired surrogates (broken UTF-16) become U+FFFD.
 *
 * <p>See Unicode Technical Standard #39 (https://www.unicode.org/reports/tr39/) and Unicode Technical Report #36,
 * section 3.1.1 on bidirectional text spoofing (https://www.unicode.org/reports/tr36/).
 */
public final class BuyerText {
    private static final char ELLIPSIS = '\u2026';

    private BuyerText() {
    }

    /** A body: several lines; null stays null. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && value.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else {
                i = appendVisible(value, i, out, true);
            }
        }
        return out.toString();
    }

    /** A single-line value of any length (ids, addresses); null for null or nothing visible. */
    public static String line(String value) {
        return line(value, Integer.MAX_VALUE);
    }

    /** A single-line field of at most {@code max} characters; null for null or nothing visible. */
    public static String line(String value, int max) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max) + 1);
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
                space = out.length() > 0;
                continue;
            }
            int before = out.length();
            if (space) {
                out.append(' ');
            }
            int mark = out.length();
            i = appendVisible(value, i, out, false);
            if (out.length() == mark) {
                out.setLength(before); // nothing visible was added: no space for it either
            } else {
                space = false;
            }
            if (out.length() - 1 > max) {
                break; // enough to know it will be cut
            }
        }
        if (out.length() == 0) {
            return null;
        }
        if (out.length() > max) {
            int cut = max - 1;
            if (Character.isHighSurrogate(out.charAt(cut - 1))) {
                cut--;
            }
            out.setLength(cut);
            out.append(ELLIPSIS);
        }
        return out.toString();
    }

    /** True when {@link #text} would change nothing (for checks on what is served). */
    public static boolean isClean(String value) {
        return value == null || text(value).equals(value);
    }

    /**
     * Appends the code point at {@code i} unless it is a control, format or lone surrogate character, and returns
     * the index of its last char.
     */
    private static int appendVisible(String value, int i, StringBuilder out, boolean keepJoiners) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(i + 1));
                if (!hidden(cp, keepJoiners)) {
                    out.append(c).append(value.charAt(i + 1));
                }
                return i + 1;
            }
            out.append('\uFFFD');
            return i;
        }
        if (Character.isLowSurrogate(c)) {
            out.append('\uFFFD');
            return i;
        }
        if (!hidden(c, keepJoiners)) {
            out.append(c);
        }
        return i;
    }

    private static boolean hidden(int cp, boolean keepJoiners) {
        if (keepJoiners && (cp == 0x200C || cp == 0x200D)) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || cp == 0x180E;
    }
}
