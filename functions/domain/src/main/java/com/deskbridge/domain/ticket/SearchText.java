package com.deskbridge.domain.ticket;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How ticket text is kept for word search and shown in the queue: one normal form (NFKC, lower case, single spaces)
 * for what is stored and what is searched, so "Kaffeemühle", "KAFFEEMÜHLE" and a full-width spelling meet; and the
 * first line of a message as the queue's preview.
 */
public final class SearchText {
    /** The most characters of one message kept for search. */
    public static final int MAX_CHARS = 2000;
    /** The longest preview. */
    public static final int PREVIEW_CHARS = 140;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@+-]*");

    private SearchText() {
    }

    /** The searchable form of {@code parts} (null parts skipped), at most {@link #MAX_CHARS} characters. */
    public static String of(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.append(' ').append(part);
            }
        }
        String normal = normalize(out.toString());
        return normal.length() > MAX_CHARS ? normal.substring(0, MAX_CHARS) : normal;
    }

    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Cc}\\p{Cf}\\s]+", " ").strip();
    }

    /** The words of a query, in normal form, each at least two characters; at most {@code max}. */
    public static List<String> words(String query, int max) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalize(query));
        while (m.find() && words.size() < max) {
            String w = m.group();
            if (w.length() >= 2 && !words.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** The first non-blank line of {@code text}, at most {@link #PREVIEW_CHARS} characters (cut with "…"). */
    public static String preview(String text) {
        if (text == null) {
            return null;
        }
        for (String line : text.split("\\R")) {
            String l = line.replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
            if (!l.isEmpty()) {
                return l.length() > PREVIEW_CHARS ? l.substring(0, PREVIEW_CHARS - 1).strip() + "…" : l;
            }
        }
        return null;
    }
}
