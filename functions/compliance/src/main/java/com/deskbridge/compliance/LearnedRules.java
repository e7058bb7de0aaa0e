package com.deskbridge.compliance;

import com.deskbridge.intent.LinearModel;
import com.deskbridge.intent.TextFeatures;
import com.deskbridge.intent.TextNormalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RuleId#MARKETING}, {@link RuleId#REVIEW_REQUEST} and {@link RuleId#OFF_AMAZON_CONTACT} by classifiers
 * trained at build time on the labelled replies (functions/compliance/corpus, written to LABELLING.md; README
 * "Language models"): one logistic model per rule ({@value #MODEL_PREFIX}RULE.bin, a {@link LinearModel} with the
 * labels NONE and the rule) reads the reply as character n-grams, words, word pairs and negations
 * ({@link TextFeatures}) plus which of the hand-written phrase cues ({@link PhraseRule}) it contains. When the
 * reply's probability reaches the rule's threshold (stored in the model, chosen on held-out replies) the finding
 * spans the sentence the same model finds most likely. So "please leave us a 5-star review", "a good review would
 * mean a lot to our small business", "contact us before leaving negative feedback" or "the matching lid is now in
 * our store" are found in any of the eight languages, while "the 15% deal discount was applied at checkout" stays
 * allowed. The models load on the first check (not when a checker is built), once per process; thread-safe.
 */
final class LearnedRules {
    static final String MODEL_PREFIX = "/com/deskbridge/compliance/compliance-";
    static final String NONE = "NONE";
    static final String THRESHOLD = "threshold";
    /** The rules decided by a model. */
    static final List<RuleId> RULES = List.of(RuleId.MARKETING, RuleId.REVIEW_REQUEST, RuleId.OFF_AMAZON_CONTACT);

    private static final class Standard {
        static final Map<RuleId, LinearModel> MODELS = load();

        private static Map<RuleId, LinearModel> load() {
            Map<RuleId, LinearModel> m = new EnumMap<>(RuleId.class);
            for (RuleId r : RULES) {
                m.put(r, LinearModel.resource(LearnedRules.class, resource(r)));
            }
            return m;
        }
    }

    private final Map<RuleId, LinearModel> models;

    /** With the models shipped in the jar (loaded on first use). */
    LearnedRules() {
        this(null);
    }

    /** With given models (the trainer, tests); null means the shipped ones. */
    LearnedRules(Map<RuleId, LinearModel> models) {
        this.models = models;
    }

    /** The classpath resource of a rule's model. */
    static String resource(RuleId rule) {
        return MODEL_PREFIX + rule.name() + ".bin";
    }

    private Map<RuleId, LinearModel> models() {
        return models != null ? models : Standard.MODELS;
    }

    /** The probability that {@code text} with these phrase cues breaks the model's rule. */
    static double probability(LinearModel model, String text, List<RuleId> cues) {
        LinearModel.Scorer scorer = model.scorer();
        features(text, cues, scorer);
        return scorer.probabilities()[1];
    }

    /** The features of a text: its words and n-grams and the phrase cues found in it. */
    static void features(String text, List<RuleId> cues, TextFeatures.Sink sink) {
        TextFeatures.extractBody(TextNormalizer.tokens(text), sink);
        for (RuleId cue : cues) {
            sink.add(TextFeatures.Block.CUES, TextFeatures.named(TextFeatures.Block.CUES, cue.name()));
        }
    }

    /** A finding per rule whose model finds {@code text} likely enough, spanning its most likely sentence. */
    void scan(String text, List<Span> phraseSpans, List<Span> out) {
        List<RuleId> allCues = phraseSpans.stream().map(Span::rule).toList();
        List<Sentences.Sentence> sentences = null;
        for (RuleId rule : RULES) {
            LinearModel m = models().get(rule);
            if (probability(m, text, allCues) < m.parameter(THRESHOLD)) {
                continue;
            }
            if (sentences == null) {
                sentences = Sentences.split(text);
            }
            Sentences.Sentence best = null;
            double bestP = -1;
            for (Sentences.Sentence s : sentences) {
                List<RuleId> cues = new ArrayList<>();
                for (Span p : phraseSpans) {
                    if (p.start() < s.end() && s.start() < p.end()) {
                        cues.add(p.rule());
                    }
                }
                double p = probability(m, s.text(), cues);
                if (p > bestP) {
                    bestP = p;
                    best = s;
                }
            }
            int start = best == null ? 0 : best.start();
            int end = best == null ? text.length() : best.end();
            out.add(new Span(rule, Severity.BLOCK, start, end, Advice.explanation(rule, Severity.BLOCK),
                    Advice.alternative(rule, Severity.BLOCK)));
        }
    }
}
