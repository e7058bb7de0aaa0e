package com.deskbridge.intent;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into match tokens in one pass over the characters, without regular expressions: case folding,
 * accent folding ("é" → "e", "ß" → "ss", "œ" → "oe"), apostrophes and hyphens split words ("n'ai" → "n ai",
 * "didn't" → "didn t"), and any token containing a digit (order ids such as 302-1234567-1234567, tracking
 * numbers, dates, quantities) becomes the single placeholder {@value #NUMBER}. Sentence and clause punctuation
 * (. , ; : ! ? and line breaks) becomes the {@value #BOUNDARY} token, which no cue spans and negation does not
 * cross. Stateless and thread-safe.
 */
public final class TextNormalizer {
    /** Token standing for any word that contains a digit. */
    public static final String NUMBER = "#";
    /** Token standing for a clause boundary. */
    public static final String BOUNDARY = "|";

    private TextNormalizer() {
    }

    /** Case- and accent-folds one string, keeping every other character as it is. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            appendFolded(out, text.charAt(i));
        }
        return out.toString();
    }

    /** The match tokens of {@code text}, boundaries included (never two boundaries in a row). */
    public static List<String> tokens(String text) {
        return tokens(text, null);
    }

    /**
     * The match tokens of {@code text} with the offset in {@code text} where each starts (a boundary: its
     * character), {@code starts[k]} for token {@code k}.
     */
    public record Tokenized(List<String> tokens, int[] starts) {
    }

    /** {@link #tokens(String)} with each token's start offset. */
    public static Tokenized tokenize(String text) {
        int[][] starts = {new int[text.length() / 4 + 4]};
        List<String> tokens = tokens(text, starts);
        return new Tokenized(tokens, java.util.Arrays.copyOf(starts[0], tokens.size()));
    }

    /** The tokens; when {@code starts} is not null, each token's start offset goes to {@code starts[0][k]}. */
    private static List<String> tokens(String text, int[][] starts) {
        List<String> tokens = new ArrayList<>(text.length() / 5 + 4);
        StringBuilder word = new StringBuilder(24);
        boolean digit = false;
        int wordStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (word.length() == 0) {
                    wordStart = i;
                }
                digit |= Character.isDigit(c);
                appendFolded(word, c);
            } else {
                digit = flush(tokens, word, digit, starts, wordStart);
                if (isBoundary(c)) {
                    addBoundary(tokens, starts, i);
                }
            }
        }
        flush(tokens, word, digit, starts, wordStart);
        return tokens;
    }

    private static boolean flush(List<String> tokens, StringBuilder word, boolean digit, int[][] starts, int at) {
        if (word.length() > 0) {
            record(starts, tokens.size(), at);
            tokens.add(digit ? NUMBER : word.toString());
            word.setLength(0);
        }
        return false;
    }

    private static void addBoundary(List<String> tokens, int[][] starts, int at) {
        if (!tokens.isEmpty() && !BOUNDARY.equals(tokens.get(tokens.size() - 1))) {
            record(starts, tokens.size(), at);
            tokens.add(BOUNDARY);
        }
    }

    private static void record(int[][] starts, int index, int at) {
        if (starts != null) {
            if (index == starts[0].length) {
                starts[0] = java.util.Arrays.copyOf(starts[0], index * 2 + 4);
            }
            starts[0][index] = at;
        }
    }

    private static boolean isBoundary(char c) {
        return switch (c) {
            case '.', ',', ';', ':', '!', '?', '\n', '\r', '¿', '¡', '(', ')', '…' -> true;
            default -> false;
        };
    }

    private static void appendFolded(StringBuilder out, char c) {
        if (c < 128) {
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            return;
        }
        String special = switch (c) {
            case 'ß' -> "ss";
            case 'æ', 'Æ' -> "ae";
            case 'œ', 'Œ' -> "oe";
            case 'ø', 'Ø' -> "o";
            case 'ł', 'Ł' -> "l";
            case 'đ', 'Đ' -> "d";
            default -> null;
        };
        if (special != null) {
            out.append(special);
            return;
        }
        char lower = Character.toLowerCase(c);
        out.append(AccentTable.base(lower));
    }
}
