package com.deskbridge.intent;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Language identification by Lingua (https://github.com/pemistahl/lingua, Apache-2.0), restricted to the eight
 * marketplace languages ({@link Language}). Lingua runs in its low-accuracy mode: it scores trigrams only, which is
 * what it does in any mode for texts of 120 characters and more, so only the eight trigram models are loaded (and
 * shipped in the function jars: see the shade filter in the parent POM). The models load on first use, once per
 * process ({@link #preload()} loads them ahead, e.g. in a Lambda's init phase); detection is thread-safe.
 *
 * <p>The confidence is Lingua's relative distance between the best and the second-best language (0 when they are
 * equally likely, towards 1 when the second is far behind); below {@link #MIN_DISTANCE} the result is
 * {@link Language#UNKNOWN}. Texts of fewer than {@link #MIN_LETTERS} letters are {@link Language#UNKNOWN} without
 * asking Lingua.
 */
public final class LanguageDetection {
    /** Shorter texts ("ok", "thx") carry no reliable language signal. */
    public static final int MIN_LETTERS = 8;
    /** Lingua's minimum relative distance between the best and second-best language. */
    public static final double MIN_DISTANCE = 0.0;
    /** At most this many characters are examined: the language is clear by then, and Lingua's cost grows with the text. */
    public static final int MAX_CHARS = 300;

    private static final Map<com.github.pemistahl.lingua.api.Language, Language> OURS = ours();

    /** A detected language and how clearly it stood out. */
    public record Detected(Language language, double confidence) {
        public static final Detected UNKNOWN = new Detected(Language.UNKNOWN, 0);
    }

    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder
                .fromLanguages(OURS.keySet().toArray(com.github.pemistahl.lingua.api.Language[]::new))
                .withLowAccuracyMode()
                .withMinimumRelativeDistance(MIN_DISTANCE)
                .withPreloadedLanguageModels()
                .build();
    }

    private LanguageDetection() {
    }

    private static Map<com.github.pemistahl.lingua.api.Language, Language> ours() {
        Map<com.github.pemistahl.lingua.api.Language, Language> m =
                new EnumMap<>(com.github.pemistahl.lingua.api.Language.class);
        m.put(com.github.pemistahl.lingua.api.Language.ENGLISH, Language.EN);
        m.put(com.github.pemistahl.lingua.api.Language.GERMAN, Language.DE);
        m.put(com.github.pemistahl.lingua.api.Language.FRENCH, Language.FR);
        m.put(com.github.pemistahl.lingua.api.Language.ITALIAN, Language.IT);
        m.put(com.github.pemistahl.lingua.api.Language.SPANISH, Language.ES);
        m.put(com.github.pemistahl.lingua.api.Language.DUTCH, Language.NL);
        m.put(com.github.pemistahl.lingua.api.Language.POLISH, Language.PL);
        m.put(com.github.pemistahl.lingua.api.Language.SWEDISH, Language.SV);
        return m;
    }

    /** Loads the language models now (otherwise the first detection does). */
    public static void preload() {
        if (Holder.DETECTOR == null) {
            throw new IllegalStateException("unreachable");
        }
    }

    /** The language of {@code text}. */
    public static Detected detect(String text) {
        if (text == null || letters(text) < MIN_LETTERS) {
            return Detected.UNKNOWN;
        }
        String bounded = text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
        SortedMap<com.github.pemistahl.lingua.api.Language, Double> values =
                Holder.DETECTOR.computeLanguageConfidenceValues(bounded);
        if (values.isEmpty()) {
            return Detected.UNKNOWN;
        }
        var best = values.firstKey();
        double second = values.size() > 1 ? values.values().stream().skip(1).findFirst().orElse(0.0) : 0.0;
        Language ours = OURS.getOrDefault(best, Language.UNKNOWN);
        double distance = 1 - second;
        return ours == Language.UNKNOWN || distance < MIN_DISTANCE ? Detected.UNKNOWN : new Detected(ours, distance);
    }

    private static int letters(String text) {
        int n = 0;
        for (int i = 0; i < text.length() && n < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
