package com.deskbridge.intent;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Detects the intent of a buyer message (subject and body) with a linear model trained at build time on the
 * labelled corpus (functions/intent/corpus, written to LABELLING.md) and shipped in the jar
 * ({@value #MODEL_RESOURCE}; README "Language models" says how it is trained and evaluated):
 * <ol>
 *   <li>the quoted history, forwarded blocks and Amazon's relay frame and footer are separated from the buyer's own
 *       text ({@link QuotedTextStripper}); when the own text only points at what it carries ("see below", fewer
 *       than {@value #POINTER_WORDS} words) the carried text is read too; the body is cut at
 *       {@value #MAX_BODY_CHARS} characters and the subject at {@value #MAX_SUBJECT_CHARS};</li>
 *   <li>the text is normalised ({@link TextNormalizer}) and turned into hashed character n-grams, words, word
 *       pairs, subject words and negated words ({@link TextFeatures});</li>
 *   <li>the model ({@link LinearModel}) gives calibrated probabilities (a softmax temperature fitted on held-out
 *       predictions); below the model's threshold the message {@link IntentResult#needsTriage() needs triage};</li>
 *   <li>the language of the buyer's own text is detected by the {@link LanguageDetector} port the classifier was
 *       built with (the Lingua adapter is in functions/language; {@link LanguageDetector#NONE} skips it).</li>
 * </ol>
 * The model loads once per process (a few milliseconds); instances are immutable and thread-safe, and a message
 * costs microseconds.
 */
public final class IntentClassifier {
    /** The model resource on the classpath (the build writes it into target/classes). */
    public static final String MODEL_RESOURCE = "/com/deskbridge/intent/intent-model.bin";
    /** The model parameter holding the needs-triage threshold. */
    public static final String THRESHOLD = "needsTriageBelow";
    /** Longest body text (after quote stripping) that is classified; the rest is ignored. */
    public static final int MAX_BODY_CHARS = 10_000;
    /** Longest subject that is classified. */
    public static final int MAX_SUBJECT_CHARS = 500;
    /** Raw body text beyond this is not even searched for quoted history. */
    static final int MAX_RAW_CHARS = 200_000;
    /** Own text with fewer words than this only points at what it carries, which is then read too. */
    static final int POINTER_WORDS = 8;

    private static final class Standard {
        static final LinearModel MODEL = LinearModel.resource(IntentClassifier.class, MODEL_RESOURCE);
    }

    private final LinearModel model;
    private final LanguageDetector languages;
    private final Intent[] intents;
    private final double threshold;

    /** A classifier with the model shipped in the jar, detecting languages with {@code languages}. */
    public IntentClassifier(LanguageDetector languages) {
        this(Standard.MODEL, languages);
    }

    /** A classifier with a given model (the trainer's cross-validation, tests). */
    public IntentClassifier(LinearModel model, LanguageDetector languages) {
        this.model = model;
        this.languages = java.util.Objects.requireNonNull(languages, "languages");
        List<String> labels = model.labels();
        this.intents = labels.stream().map(Intent::valueOf).toArray(Intent[]::new);
        this.threshold = model.parameters().getOrDefault(THRESHOLD, 0.0);
    }

    public LinearModel model() {
        return model;
    }

    /** The confidence below which a message needs triage. */
    public double threshold() {
        return threshold;
    }

    /** Classifies one message; {@code null} subject or body count as empty. */
    public IntentResult classify(String subject, String body) {
        Text text = Text.of(subject, body);
        LinearModel.Scorer scorer = model.scorer();
        text.features(scorer);
        double[] p = scorer.probabilities();
        // A body of which the model knows not a single word ("asdf", "???") was not read, however confident the
        // bias and the subject make the best label: it needs triage rather than a silent OTHER.
        boolean unread = scorer.known(TextFeatures.Block.WORDS) == 0
                && (scorer.reported(TextFeatures.Block.WORDS) > 0 || scorer.known(TextFeatures.Block.SUBJECT) == 0);
        int best = 0;
        int second = -1;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                second = best;
                best = i;
            } else if (second < 0 || p[i] > p[second]) {
                second = i;
            }
        }
        Map<Intent, Double> probabilities = new EnumMap<>(Intent.class);
        for (int i = 0; i < p.length; i++) {
            probabilities.put(intents[i], p[i]);
        }
        LanguageDetector.Detected language = languages.detect(text.languageSample());
        Intent secondary = second >= 0 && p[second] >= IntentResult.SECONDARY_MIN ? intents[second] : null;
        return new IntentResult(intents[best], p[best], p[best] < threshold || unread, language.language(),
                language.confidence(), secondary, probabilities);
    }

    /** The parts of a message the model reads, prepared once. */
    record Text(String subject, String own, String read) {
        static Text of(String subject, String body) {
            String subj = cut(subject == null ? "" : subject, MAX_SUBJECT_CHARS);
            QuotedTextStripper.Parts parts = QuotedTextStripper.split(cut(body == null ? "" : body, MAX_RAW_CHARS));
            String own = cut(parts.own(), MAX_BODY_CHARS);
            String read = words(own) < POINTER_WORDS && !parts.carried().isBlank()
                    ? cut(own + "\n" + parts.carried(), MAX_BODY_CHARS) : own;
            return new Text(subj, own, read);
        }

        /** Reports the features to {@code sink}. */
        void features(TextFeatures.Sink sink) {
            List<String> subjectTokens = TextNormalizer.tokens(subject);
            List<String> bodyTokens = TextNormalizer.tokens(read);
            TextFeatures.extract(subjectTokens, bodyTokens, sink);
            List<MatchedCue> cues = new java.util.ArrayList<>();
            double[] scores = new double[Intent.values().length];
            java.util.Set<Cue> seen = new java.util.HashSet<>();
            Lexicons.standard().scan("body", bodyTokens.toArray(String[]::new), 1.0, Language.UNKNOWN, scores, seen,
                    cues);
            for (MatchedCue c : cues) {
                sink.add(TextFeatures.Block.CUES, TextFeatures.named(TextFeatures.Block.CUES,
                        c.cue() + "/" + c.intent()));
            }
        }

        /** What the language is detected on: the buyer's own text, with the subject when the text is short. */
        String languageSample() {
            return own.length() >= 40 ? own : subject + "\n" + read;
        }
    }

    private static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean letter = Character.isLetter(s.charAt(i));
            if (letter && !in) {
                n++;
            }
            in = letter;
        }
        return n;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
