package com.deskbridge.intent;

import java.util.List;

/**
 * One compiled lexicon entry: a token pattern and what it means. Pattern elements are exact tokens, stems
 * (written with a trailing "*", at least three characters: match any token that starts with them) and gaps
 * (written "_": zero to two tokens, never across a clause boundary). A cue contributes {@code intent} with
 * {@code weight} when it is not negated, and {@code negatedIntent} with {@code negatedWeight} when a negator
 * precedes it and it is negation-sensitive; either intent may be {@code null} (the cue then only consumes its
 * tokens, e.g. "noise cancelling" so that "cancel" does not fire). Immutable.
 */
record Cue(Language language, String source, List<String> elements, List<Boolean> stems,
           Intent intent, double weight, boolean negationSensitive, Intent negatedIntent, double negatedWeight) {

    static final String GAP = "_";
    private static final int MAX_GAP = 2;

    Cue {
        elements = List.copyOf(elements);
        stems = List.copyOf(stems);
    }

    /** The first element, which is never a gap; the index key. */
    String head() {
        return elements.get(0);
    }

    /** How many elements are exact tokens (neither stems nor gaps): the more, the more specific the cue. */
    int exactElements() {
        int n = 0;
        for (int i = 0; i < elements.size(); i++) {
            if (!stems.get(i) && !GAP.equals(elements.get(i))) {
                n++;
            }
        }
        return n;
    }

    boolean headIsStem() {
        return stems.get(0);
    }

    /** The end index (exclusive) of a match starting at {@code start}, or -1. */
    int matchAt(String[] tokens, int start) {
        return match(tokens, 0, start);
    }

    private int match(String[] tokens, int p, int t) {
        if (p == elements.size()) {
            return t;
        }
        String element = elements.get(p);
        if (GAP.equals(element)) {
            for (int skip = 0; skip <= MAX_GAP; skip++) {
                if (skip > 0 && (t + skip > tokens.length || TextNormalizer.BOUNDARY.equals(tokens[t + skip - 1]))) {
                    return -1;
                }
                int end = match(tokens, p + 1, t + skip);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        if (t >= tokens.length) {
            return -1;
        }
        String token = tokens[t];
        boolean ok = stems.get(p) ? token.startsWith(element) : token.equals(element);
        return ok ? match(tokens, p + 1, t + 1) : -1;
    }
}
