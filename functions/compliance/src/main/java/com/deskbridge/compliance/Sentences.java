package com.deskbridge.compliance;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a reply into sentences with their offsets, without regular expressions: a sentence ends at a line break
 * or at ". ! ? …" followed by white space or the end (so "12.03.2025", "www.shop.de" and "3.5 kg" do not split).
 * Pieces without a letter are dropped. Stateless.
 */
final class Sentences {
    /** One sentence: {@code text.substring(start, end)}. */
    record Sentence(int start, int end, String text) {
    }

    private Sentences() {
    }

    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || c == '\r'
                    || ((c == '.' || c == '!' || c == '?' || c == '…') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))));
            if (end) {
                add(text, start, c == '\n' || c == '\r' ? i : i + 1, out);
                start = i + 1;
            }
        }
        add(text, start, n, out);
        return out;
    }

    private static void add(String text, int start, int end, List<Sentence> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                out.add(new Sentence(start, end, text.substring(start, end)));
                return;
            }
        }
    }
}
