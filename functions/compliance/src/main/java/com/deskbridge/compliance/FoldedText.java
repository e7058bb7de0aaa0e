package com.deskbridge.compliance;

import com.deskbridge.intent.TextNormalizer;

/**
 * A text folded with {@link TextNormalizer#fold} (lower case, accents removed, "ß" → "ss"), with the map back to
 * offsets in the original, so that rules can match folded text and still report the original span. Immutable.
 */
final class FoldedText {
    private final String raw;
    private final String folded;
    private final int[] owner;

    FoldedText(String raw) {
        this.raw = raw;
        String whole = TextNormalizer.fold(raw);
        if (whole.length() == raw.length()) {
            this.folded = whole;
            this.owner = null;
            return;
        }
        StringBuilder sb = new StringBuilder(whole.length());
        int[] map = new int[whole.length()];
        for (int i = 0; i < raw.length(); i++) {
            String f = TextNormalizer.fold(String.valueOf(raw.charAt(i)));
            for (int k = 0; k < f.length(); k++) {
                map[sb.length()] = i;
                sb.append(f.charAt(k));
            }
        }
        this.folded = sb.toString();
        this.owner = map;
    }

    String raw() {
        return raw;
    }

    String folded() {
        return folded;
    }

    /** The original offset of folded offset {@code foldedStart}. */
    int rawStart(int foldedStart) {
        if (owner == null) {
            return foldedStart;
        }
        return foldedStart >= owner.length ? raw.length() : owner[foldedStart];
    }

    /** The original end offset of a folded span ending (exclusively) at {@code foldedEnd}. */
    int rawEnd(int foldedEnd) {
        if (owner == null) {
            return foldedEnd;
        }
        return foldedEnd == 0 ? 0 : owner[foldedEnd - 1] + 1;
    }
}
