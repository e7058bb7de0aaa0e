package com.deskbridge.intent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Detects the intent of a buyer message (subject and body) in English, German, French, Italian or Spanish,
 * without machine learning and with an explanation:
 * <ol>
 *   <li>quoted history, reply headers and signatures are removed ({@link QuotedTextStripper}); the body is then
 *       cut at {@link #MAX_BODY_CHARS} and the subject at {@link #MAX_SUBJECT_CHARS};</li>
 *   <li>text is normalised into tokens ({@link TextNormalizer}): case and accents folded, order ids and
 *       tracking numbers reduced to a placeholder, clause boundaries kept;</li>
 *   <li>the language is detected from stop words ({@link LanguageDetector});</li>
 *   <li>lexicon cues (phrases, stems, gapped phrases with weights, in all five languages) are matched greedily,
 *       longest first; cues of other languages than the detected one count 75%; a negator (e.g. "not", "nicht",
 *       "pas", "non", "no", "kein", "sans") up to three tokens before a negation-sensitive cue in the same clause
 *       drops it ("not damaged") or turns it into its negated meaning ("not received" → where is my order);</li>
 *   <li>each distinct cue counts once; cues in the subject of a reply ("Re:", "AW:", …) count a quarter, since
 *       such a subject names the thread's first topic; {@link IntentPrecedence} picks the intent from the summed
 *       scores.</li>
 * </ol>
 * Everything is compiled once; instances are immutable and thread-safe, and scanning is linear in the text
 * (no regular expressions on buyer text).
 */
public final class IntentClassifier {
    /** Longest body text (after quote stripping) that is classified; the rest is ignored. */
    public static final int MAX_BODY_CHARS = 10_000;
    /** Longest subject that is classified. */
    public static final int MAX_SUBJECT_CHARS = 500;
    /** Raw body text beyond this is not even searched for quoted history. */
    static final int MAX_RAW_CHARS = 200_000;

    /**
     * Cue weight factor for the subject of a reply or forward ("Re:", "AW:", "RE :", "R:", "RV:", "Fwd:", …): such a
     * subject names the thread's original topic, not what this message says.
     */
    static final double REPLY_SUBJECT_FACTOR = 0.25;
    private static final Set<String> REPLY_PREFIXES = Set.of(
            "re", "aw", "r", "rif", "rv", "sv", "antw", "fw", "fwd", "wg", "tr", "enc");

    private final Lexicon lexicon;

    /** A classifier with the built-in lexicons. */
    public IntentClassifier() {
        this.lexicon = Lexicons.standard();
    }

    /** Classifies one message; {@code null} subject or body count as empty. */
    public IntentResult classify(String subject, String body) {
        String subj = cut(subject == null ? "" : subject, MAX_SUBJECT_CHARS);
        String rawBody = body == null ? "" : cut(body, MAX_RAW_CHARS);
        String text = cut(QuotedTextStripper.strip(rawBody), MAX_BODY_CHARS);
        List<String> subjectTokens = TextNormalizer.tokens(subj);
        List<String> bodyTokens = TextNormalizer.tokens(text);
        List<String> all = new ArrayList<>(subjectTokens.size() + bodyTokens.size());
        all.addAll(subjectTokens);
        all.addAll(bodyTokens);
        Language language = LanguageDetector.detect(all, subj + "\n" + text);

        double[] scores = new double[Intent.values().length];
        Set<Cue> seen = new HashSet<>();
        List<MatchedCue> cues = new ArrayList<>();
        double subjectFactor = isReply(subjectTokens) ? REPLY_SUBJECT_FACTOR : 1.0;
        lexicon.scan("subject", subjectTokens.toArray(String[]::new), subjectFactor, language, scores, seen, cues);
        lexicon.scan("body", bodyTokens.toArray(String[]::new), 1.0, language, scores, seen, cues);

        Intent intent = IntentPrecedence.choose(scores);
        Intent secondary = IntentPrecedence.secondary(scores, intent);
        double score = intent == Intent.OTHER ? 0 : scores[intent.ordinal()];
        return new IntentResult(intent, round(score), round(confidence(scores, intent)), language, secondary,
                toMap(scores), cues);
    }

    private static boolean isReply(List<String> subjectTokens) {
        return subjectTokens.size() > 1 && REPLY_PREFIXES.contains(subjectTokens.get(0))
                && TextNormalizer.BOUNDARY.equals(subjectTokens.get(1));
    }

    private static double confidence(double[] scores, Intent intent) {
        double total = 0;
        double max = 0;
        for (double s : scores) {
            total += s;
            max = Math.max(max, s);
        }
        if (intent == Intent.OTHER) {
            return Math.max(0, 1 - max / IntentPrecedence.MIN_SCORE);
        }
        double s = scores[intent.ordinal()];
        return (s / total) * (1 - Math.exp(-s / 4));
    }

    private static Map<Intent, Double> toMap(double[] scores) {
        Map<Intent, Double> m = new EnumMap<>(Intent.class);
        for (Intent i : Intent.values()) {
            m.put(i, round(scores[i.ordinal()]));
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
