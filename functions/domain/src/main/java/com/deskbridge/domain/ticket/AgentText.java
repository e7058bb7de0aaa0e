package com.deskbridge.domain.ticket;

/**
 * Text people at the seller type and Deskbridge keeps (replies, notes, shop name, macro names and bodies, tag rules):
 * what a person could have typed. Refused, with the field named: control characters (C0 other than tab and line
 * breaks in multi-line text, DEL, C1), invisible format characters (zero-width space U+200B, the bidirectional
 * overrides and isolates U+202A-U+202E and U+2066-U+2069, marks U+200E/U+200F/U+061C, word joiner, BOM, soft hyphen,
 * ...; only the joiners U+200C/U+200D that some scripts need are kept), the line and paragraph separators U+2028/
 * U+2029, noncharacters, and unpaired surrogates. Bidirectional overrides can make a text read differently from what
 * it holds (CVE-2021-42574); zero-width characters hide differences between names that look the same.
 */
public final class AgentText {
    private AgentText() {
    }

    /** @throws InvalidInputException naming {@code field} when {@code text} holds a refused character */
    public static String check(String text, String field, boolean multiLine) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c)) {
                throw new InvalidInputException(field, "contains broken Unicode (an unpaired surrogate) at position " + i);
            }
            int cp = text.codePointAt(i);
            String refused = refused(cp, multiLine);
            if (refused != null) {
                throw new InvalidInputException(field, "contains " + refused + " (U+" + String.format("%04X", cp)
                        + ") at position " + i + ": only text a person could have typed is kept");
            }
            i += Character.charCount(cp);
        }
        return text;
    }

    private static String refused(int cp, boolean multiLine) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return multiLine ? null : "a tab or line break";
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            return "a control character";
        }
        if (cp == 0x200C || cp == 0x200D) {
            return null;
        }
        if (type == Character.FORMAT) {
            return "an invisible format character";
        }
        if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
            return "a line or paragraph separator";
        }
        if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF)) {
            return "a noncharacter";
        }
        return null;
    }
}
