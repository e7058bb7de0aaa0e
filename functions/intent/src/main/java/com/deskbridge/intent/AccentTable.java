package com.deskbridge.intent;

import java.text.Normalizer;

/** Precomputed accent folding for U+0080–U+024F (Latin-1 and Latin Extended A/B); other characters pass. */
final class AccentTable {
    private static final int LIMIT = 0x250;
    private static final char[] BASE = new char[LIMIT];

    static {
        for (int c = 0; c < LIMIT; c++) {
            String decomposed = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            BASE[c] = decomposed.isEmpty() ? (char) c : decomposed.charAt(0);
        }
    }

    private AccentTable() {
    }

    static char base(char c) {
        return c < LIMIT ? BASE[c] : c;
    }
}
