package com.deskbridge.compliance;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Which of a list of patterns can start a match with a given opening, so that a scan only tries the patterns that
 * can match at a position. An opening is the position's two characters of folded text when both are one of
 * {@code a-z 0-9 space}, else its first character alone when that is below U+3000; a position starting with any
 * other character lets every pattern through. Whether a
 * pattern can start with an opening is asked of the regex engine itself, lazily, once per opening: the pattern
 * either matches the two characters or reaches their end while still matching
 * ({@link java.util.regex.Matcher#hitEnd()}), exactly when some text starting with them might match. So skipping
 * the other patterns changes no finding; the gate only saves the engine's attempts. Thread-safe (each answer is
 * published atomically; racing threads compute the same one).
 */
final class StartGate {
    /** Character classes of a two-character opening: a-z, 0-9 and space. */
    private static final int CLASSES = 37;
    /** The first code of the one-character openings (one per character below {@link #SINGLES}). */
    private static final int SINGLE = CLASSES * CLASSES;
    /** One-character openings cover Latin letters, punctuation and currency signs (U+0000–U+2FFF). */
    private static final int SINGLES = 0x3000;
    /** The code of a position whose first character is from U+3000 on (or half of a surrogate pair). */
    static final int ANY = -1;

    private final Pattern[] patterns;
    private final int[] all;
    /** Per opening: the indices of the patterns that may start with it, in order; null until asked. */
    private final AtomicReferenceArray<int[]> byOpening = new AtomicReferenceArray<>(SINGLE + SINGLES);
    /**
     * How often each opening was met before its patterns are asked for: the first {@value #LEARN_AFTER} times every
     * pattern is tried (what a scan without the gate does), so a cold process's first checks do not pay for the
     * questions; an opening met again is learnt. Racy increments only delay learning.
     */
    private final byte[] seen = new byte[SINGLE + SINGLES];
    private static final int LEARN_AFTER = 2;

    StartGate(Pattern... patterns) {
        this.patterns = patterns.clone();
        this.all = IntStream.range(0, patterns.length).toArray();
    }

    int size() {
        return patterns.length;
    }

    Pattern pattern(int index) {
        return patterns[index];
    }

    /** The opening code of position {@code i} of {@code folded}, or {@link #ANY}. */
    static int opening(String folded, int i) {
        char first = folded.charAt(i);
        if (first >= SINGLES) {
            return ANY;
        }
        int a = classOf(first);
        int b = i + 1 < folded.length() ? classOf(folded.charAt(i + 1)) : -1;
        return a < 0 || b < 0 ? SINGLE + first : a * CLASSES + b;
    }

    private static int classOf(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        return c == ' ' ? 36 : -1;
    }

    private static char charOf(int cls) {
        return cls < 26 ? (char) ('a' + cls) : cls < 36 ? (char) ('0' + cls - 26) : ' ';
    }

    /** The indices of the patterns a match starting with opening {@code code} may come from, in order. */
    int[] patternsFor(int code) {
        if (code == ANY) {
            return all;
        }
        int[] answer = byOpening.get(code);
        if (answer == null && seen[code] < LEARN_AFTER) {
            seen[code]++;
            return all;
        }
        if (answer == null) {
            String probe = code >= SINGLE ? String.valueOf((char) (code - SINGLE))
                    : new String(new char[] {charOf(code / CLASSES), charOf(code % CLASSES)});
            answer = IntStream.range(0, patterns.length).filter(p -> {
                var m = patterns[p].matcher(probe);
                return m.lookingAt() || m.hitEnd();
            }).toArray();
            byOpening.set(code, answer);
        }
        return answer;
    }
}
