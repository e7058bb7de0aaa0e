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

    /** The features of a text: its words and n-grams and the phrase cues found in it. */
    static void features(String text, List<RuleId> cues, TextFeatures.Sink sink) {
        TextFeatures.extractBody(TextNormalizer.tokens(text), sink);
        for (RuleId cue : cues) {
            sink.add(TextFeatures.Block.CUES, TextFeatures.named(TextFeatures.Block.CUES, cue.name()));
        }
    }

    /**
     * The feature occurrences of one text, extracted once and replayed to every model that reads it (the three
     * models share their features; the order of the occurrences, and so every sum, is the same as extracting anew).
     */
    static final class Occurrences implements TextFeatures.Sink {
        private TextFeatures.Block[] blocks = new TextFeatures.Block[256];
        private long[] keys = new long[256];
        private int size;

        static Occurrences of(String text, List<RuleId> cues) {
            Occurrences o = new Occurrences();
            features(text, cues, o);
            return o;
        }

        @Override
        public void add(TextFeatures.Block block, long key) {
            if (size == keys.length) {
                blocks = java.util.Arrays.copyOf(blocks, size * 2);
                keys = java.util.Arrays.copyOf(keys, size * 2);
            }
            blocks[size] = block;
            keys[size++] = key;
        }

        /** The probability that the text breaks {@code model}'s rule. */
        double probability(LinearModel model) {
            LinearModel.Scorer scorer = model.scorer();
            for (int i = 0; i < size; i++) {
                scorer.add(blocks[i], keys[i]);
            }
            return scorer.probabilities()[1];
        }
    }

    /** A finding per rule whose model finds {@code text} likely enough, spanning its most likely sentence. */
    void scan(String text, List<Span> phraseSpans, List<Span> out) {
        Occurrences whole = Occurrences.of(text, phraseSpans.stream().map(Span::rule).toList());
        List<Sentences.Sentence> sentences = null;
        Occurrences[] bySentence = null;
        for (RuleId rule : RULES) {
            LinearModel m = models().get(rule);
            if (whole.probability(m) < m.parameter(THRESHOLD)) {
                continue;
            }
            if (sentences == null) {
                sentences = Sentences.split(text);
                bySentence = new Occurrences[sentences.size()];
            }
            Sentences.Sentence best = null;
            double bestP = -1;
            for (int i = 0; i < sentences.size(); i++) {
                Sentences.Sentence s = sentences.get(i);
                if (bySentence[i] == null) {
                    List<RuleId> cues = new ArrayList<>();
                    for (Span p : phraseSpans) {
                        if (p.start() < s.end() && s.start() < p.end()) {
                            cues.add(p.rule());
                        }
                    }
                    bySentence[i] = Occurrences.of(s.text(), cues);
                }
                double p = bySentence[i].probability(m);
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
