package com.deskbridge.compliance;

import java.util.List;

/**
 * {@link RuleId#EMOJI_OR_PICTOGRAPH}, by code point: the emoji and pictograph blocks (U+1F000–U+1FAFF: emoticons,
 * symbols and pictographs, transport, enclosed alphanumerics and regional-indicator flags), miscellaneous symbols
 * and dingbats (U+2600–U+27BF), and the handful of emoji in other blocks (⌚ ⌛ ⏰ ⭐ ⬛ 〰 …). A whole sequence
 * counts once: skin-tone modifiers, variation selectors, zero-width joiners with the pictograph after them, tag
 * characters, keycaps ("1️⃣") and flag pairs. Any character followed by the emoji variation selector U+FE0F is an
 * emoji too ("™️"). Text emoticons count as well (Amazon's guidelines forbid emoji in any form; LABELLING.md):
 * {@code :) :-) ;) :D :( <3 ^^ xD :P} and their variants, when they stand alone (not inside a word, a time such as
 * "10:30" or a list marker such as "a)"). ™ ® © and arrows without U+FE0F are typography and pass. Every finding is
 * {@link Severity#BLOCK}, text-style symbols and dingbats (★ ✓ ☎ ✉) included.
 */
final class EmojiRule {
    private static final int ZWJ = 0x200D;
    private static final int VS15 = 0xFE0E;
    private static final int VS16 = 0xFE0F;
    private static final int KEYCAP = 0x20E3;
    private static final String ALTERNATIVE = "Remove the emoji or symbol and say it in words (\"Thank you!\").";

    void scan(String text, List<Span> out) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int after = next < n ? text.codePointAt(next) : -1;
            boolean keycap = (isKeycapBase(cp) && (after == KEYCAP
                    || (after == VS16 && next + 1 < n && text.codePointAt(next + 1) == KEYCAP)));
            boolean strong = presentation(cp) || after == VS16 || keycap;
            boolean weak = !strong && textStyle(cp) && after != VS15;
            if (!strong && !weak && !isModifierOrJoiner(cp)) {
                i = next;
                continue;
            }
            int end = consumeSequence(text, next);
            out.add(new Span(RuleId.EMOJI_OR_PICTOGRAPH, Severity.BLOCK, i, end, strong
                    ? "Emoji: Amazon does not allow emojis in buyer messages."
                    : "Pictographic symbol: Amazon treats it as an emoji.", ALTERNATIVE));
            i = end;
        }
        emoticons(text, out);
    }

    /** Text emoticons, longest first so that ":-)" is one finding. */
    private static final String[] EMOTICONS = {":'-(", ":'(", ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ";-P",
            ":-O", "^_^", ":)", ":(", ";)", ":D", ":P", ":p", ";P", ":O", ":o", ":]", ":[", "=)", "=D", "<3", "^^", "xD",
            "XD", ";D"};

    private static void emoticons(String text, List<Span> out) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char first = text.charAt(i);
            if (first != ':' && first != ';' && first != '^' && first != '=' && first != '<' && first != 'x'
                    && first != 'X') {
                i++; // no emoticon starts with another character
                continue;
            }
            String found = null;
            for (String e : EMOTICONS) {
                if (text.startsWith(e, i)) {
                    found = e;
                    break;
                }
            }
            if (found == null || !standsAlone(text, i, i + found.length(), found)) {
                i++;
                continue;
            }
            out.add(new Span(RuleId.EMOJI_OR_PICTOGRAPH, Severity.BLOCK, i, i + found.length(),
                    "Text emoticon: Amazon does not allow emojis or emoticons in buyer messages.", ALTERNATIVE));
            i += found.length();
        }
    }

    /** Not glued to a word or number on either side ("10:30", "a:D", "<30", "xDa" are no emoticons). */
    private static boolean standsAlone(String text, int start, int end, String e) {
        char first = e.charAt(0);
        char last = e.charAt(e.length() - 1);
        boolean before = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))
                || (first != ':' && first != ';' && first != '=' && !Character.isLetterOrDigit(first)
                && !Character.isLetterOrDigit(text.charAt(start - 1)));
        boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
        if (Character.isLetterOrDigit(last) && end < text.length() && text.charAt(end) == '.'
                && end + 1 < text.length() && Character.isLetterOrDigit(text.charAt(end + 1))) {
            after = false;
        }
        return before && after;
    }

    private static int consumeSequence(String text, int i) {
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (cp == ZWJ) {
                i += 1;
                if (i < n) {
                    i += Character.charCount(text.codePointAt(i));
                }
            } else if (isModifierOrJoiner(cp) || cp == KEYCAP || cp == VS15 || isRegionalIndicator(cp)) {
                i += Character.charCount(cp);
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isModifierOrJoiner(int cp) {
        return cp == VS16 || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F);
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }

    private static boolean isKeycapBase(int cp) {
        return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
    }

    /** Code points shown as emoji by default. */
    private static boolean presentation(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || cp == 0x231A || cp == 0x231B || (cp >= 0x23E9 && cp <= 0x23EC) || cp == 0x23F0 || cp == 0x23F3
                || cp == 0x2B50 || cp == 0x2B55 || cp == 0x2B1B || cp == 0x2B1C || cp == 0x2705 || cp == 0x274C
                || cp == 0x274E || (cp >= 0x2753 && cp <= 0x2755) || cp == 0x2757 || (cp >= 0x2795 && cp <= 0x2797)
                || cp == 0x27B0 || cp == 0x27BF || cp == 0x2728 || cp == 0x270A || cp == 0x270B || cp == 0x26A1
                || cp == 0x26BD || cp == 0x26BE || cp == 0x26C4 || cp == 0x26C5 || cp == 0x26D4 || cp == 0x26EA
                || cp == 0x26F2 || cp == 0x26F3 || cp == 0x26F5 || cp == 0x26FA || cp == 0x26FD || cp == 0x2614
                || cp == 0x2615 || (cp >= 0x2648 && cp <= 0x2653) || cp == 0x267F || cp == 0x2693 || cp == 0x26AA
                || cp == 0x26AB;
    }

    /** Pictographic symbols with text presentation by default (dingbats, miscellaneous symbols, a few others). */
    private static boolean textStyle(int cp) {
        return (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF && cp != 0x2B0C) || cp == 0x3030
                || cp == 0x303D || cp == 0x3297 || cp == 0x3299 || (cp >= 0x1F000 && cp <= 0x1FAFF);
    }
}
