package com.deskbridge.compliance;

import com.deskbridge.intent.LinearModel;
import com.deskbridge.intent.ModelStack;
import com.deskbridge.intent.TextFeatures;
import com.deskbridge.intent.TextNormalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link RuleId#MARKETING}, {@link RuleId#REVIEW_REQUEST} and {@link RuleId#OFF_AMAZON_CONTACT} by classifiers
 * trained at build time on the labelled replies (functions/compliance/corpus, written to LABELLING.md; README
 * "Language models"): one logistic model per rule ({@value #MODEL_PREFIX}RULE.bin, a {@link LinearModel} with the
 * labels NONE and the rule) reads the reply as character n-grams, words, word pairs and negations
 * ({@link TextFeatures}) plus which of the hand-written phrase cues ({@link PhraseRule}) it contains. When the
 * reply's probability reaches the rule's threshold (stored in the model, chosen on held-out replies) the finding
 * spans the sentence the same model finds most likely. A model trained on sentences ({@value #SENTENCE_MODEL}:
 * marketing and review requests) decides on that sentence's probability alone. So "please leave us a 5-star review", "a good review would
 * mean a lot to our small business", "contact us before leaving negative feedback" or "the matching lid is now in
 * our store" are found in any of the eight languages, while "the 15% deal discount was applied at checkout" stays
 * allowed. The models load on the first check (not when a checker is built), once per process, into one
 * {@link ModelStack}; thread-safe.
 */
final class LearnedRules {
    static final String MODEL_PREFIX = "/com/deskbridge/compliance/compliance-";
    static final String NONE = "NONE";
    static final String THRESHOLD = "threshold";
    /** A model parameter: 1 when the decision needs one sentence (not a greeting or sign-off) likely enough alone. */
    static final String BY_SENTENCE = "bySentence";
    /**
     * A model parameter: 1 when the rule's model was trained on single sentences (of each reply that breaks the rule
     * the sentence most likely to, every sentence of the replies that do not) and a reply's decision score is its most
     * likely sentence's probability: a marketing line at the end of a long helpful reply ("PS: refer a friend and you
     * both get $10 off!") is not diluted by the rest, and a reply is blocked for one sentence, not for its topic.
     */
    static final String SENTENCE_MODEL = "sentenceModel";
    /**
     * Replies with fewer words are not decided by a model: one or two words ("Hello", "Team and!") carry a single
     * feature at full strength, and a greeting word that many marketing replies open with then scored above the
     * marketing threshold. The lexical rules (links, contact details, emoji) still check such replies.
     */
    static final int MIN_WORDS = 3;
    /** The rules decided by a model. */
    static final List<RuleId> RULES = List.of(RuleId.MARKETING, RuleId.REVIEW_REQUEST, RuleId.OFF_AMAZON_CONTACT);

    private static final class Standard {
        static final ModelStack MODELS = stack(load());

        private static Map<RuleId, LinearModel> load() {
            Map<RuleId, LinearModel> m = new EnumMap<>(RuleId.class);
            for (RuleId r : RULES) {
                m.put(r, LinearModel.resource(LearnedRules.class, resource(r)));
            }
            return m;
        }
    }

    /** The models in {@link #RULES} order, scored in one pass; null means the shipped ones. */
    private final ModelStack models;

    /** With the models shipped in the jar (loaded on first use). */
    LearnedRules() {
        this(null);
    }

    /** With given models (the trainer, tests); null means the shipped ones. */
    LearnedRules(Map<RuleId, LinearModel> models) {
        this.models = models == null ? null : stack(models);
    }

    private static ModelStack stack(Map<RuleId, LinearModel> models) {
        return new ModelStack(RULES.stream().map(models::get).toList());
    }

    /** The classpath resource of a rule's model. */
    static String resource(RuleId rule) {
        return MODEL_PREFIX + rule.name() + ".bin";
    }

    private ModelStack models() {
        return models != null ? models : Standard.MODELS;
    }

    /** The features of a text: its words and n-grams and the phrase cues found in it. */
    static void features(String text, List<RuleId> cues, TextFeatures.Sink sink) {
        TextFeatures.extractBody(TextNormalizer.tokens(modelText(text)), sink);
        cues(cues, sink);
    }

    private static void cues(List<RuleId> cues, TextFeatures.Sink sink) {
        for (RuleId cue : cues) {
            sink.add(TextFeatures.Block.CUES, TextFeatures.named(TextFeatures.Block.CUES, cue.name()));
        }
    }

    /**
     * A finding per rule whose model finds {@code text} likely enough, spanning its most likely sentence. The text's
     * features are extracted once and scored by the three models together ({@link ModelStack}). A sentence is scored
     * from the occurrences of its own tokens (sentences end where the tokens have clause boundaries, so they are
     * exactly the features {@link #features} extracts from the sentence alone) plus the cues inside it. A greeting or
     * sign-off ({@link Sentences#salutation}) is never scored as a sentence, so it is never the offending span. With
     * the model parameter {@value #SENTENCE_MODEL} set, a rule's decision score is its most likely sentence's
     * probability; with {@value #BY_SENTENCE}, the lower of the whole reply's and its most likely sentence's (so a
     * reply is blocked only when one sentence of it, not a greeting or a sign-off, is likely enough on its own);
     * without either, the whole reply's.
     */
    void scan(String text, List<Span> phraseSpans, List<Span> out) {
        Scored scored = score(text, phraseSpans, false);
        for (int r = 0; r < RULES.size(); r++) {
            if (scored.score[r] < scored.models.get(r).parameter(THRESHOLD)) {
                continue;
            }
            RuleId rule = RULES.get(r);
            Sentences.Sentence best = scored.best[r];
            int start = best == null ? 0 : best.start();
            int end = best == null ? text.length() : best.end();
            out.add(new Span(rule, Severity.BLOCK, start, end, Advice.explanation(rule, Severity.BLOCK),
                    Advice.alternative(rule, Severity.BLOCK)));
        }
    }

    /** Each rule's decision score for {@code text} (the trainer fits the thresholds on them), in {@link #RULES} order. */
    double[] scores(String text, List<Span> phraseSpans) {
        return score(text, phraseSpans, true).score;
    }

    /** Decision scores and most likely sentences per rule; {@code all}: also for rules under their threshold. */
    private record Scored(List<LinearModel> models, double[] score, Sentences.Sentence[] best) {
    }

    private Scored score(String text, List<Span> phraseSpans, boolean all) {
        ModelStack stack = models();
        TextNormalizer.Tokenized tokenized = TextNormalizer.tokenize(modelText(text));
        if (words(tokenized.tokens()) < MIN_WORDS) {
            return new Scored(stack.models(), new double[RULES.size()], new Sentences.Sentence[RULES.size()]);
        }
        ModelStack.Scorer whole = stack.recordingScorer();
        TextFeatures.extractBody(tokenized.tokens(), whole);
        whole.endOfTokens();
        List<RuleId> wholeCues = new ArrayList<>(phraseSpans.size());
        for (Span p : phraseSpans) {
            wholeCues.add(p.rule());
        }
        cues(wholeCues, whole);
        double[] score = new double[RULES.size()];
        Sentences.Sentence[] bestSentence = new Sentences.Sentence[RULES.size()];
        List<Part> parts = null;
        ModelStack.Scorer[] bySentence = null;
        for (int r = 0; r < RULES.size(); r++) {
            LinearModel m = stack.models().get(r);
            boolean sentenceModel = flag(m, SENTENCE_MODEL);
            score[r] = whole.probabilities(r)[1];
            if (!all && !sentenceModel && score[r] < m.parameter(THRESHOLD)) {
                continue;
            }
            if (parts == null) {
                parts = parts(text, tokenized, phraseSpans);
                bySentence = new ModelStack.Scorer[parts.size()];
            }
            Sentences.Sentence best = null;
            double bestP = 0;
            for (int i = 0; i < parts.size(); i++) {
                Part part = parts.get(i);
                if (bySentence[i] == null) {
                    bySentence[i] = whole.part(part.from(), part.to());
                    cues(part.cues(), bySentence[i]);
                }
                double p = bySentence[i].probabilities(r)[1];
                if (best == null || p > bestP) {
                    bestP = p;
                    best = part.sentence();
                }
            }
            bestSentence[r] = best;
            if (sentenceModel) {
                score[r] = bestP;
            } else if (flag(m, BY_SENTENCE)) {
                score[r] = Math.min(score[r], bestP);
            }
        }
        return new Scored(stack.models(), score, bestSentence);
    }

    private static boolean flag(LinearModel m, String parameter) {
        return m.parameters().getOrDefault(parameter, 0.0) > 0;
    }

    /** A sentence the models score (not a greeting or sign-off): its body tokens {@code from} to {@code to} and cues. */
    private record Part(Sentences.Sentence sentence, int from, int to, List<RuleId> cues) {
    }

    /**
     * The sentences of {@code text} the models score. A sentence's tokens end where the tokens have clause boundaries,
     * so the features of its token range are exactly the features {@link #features} extracts from the sentence alone.
     */
    private static List<Part> parts(String text, TextNormalizer.Tokenized tokenized, List<Span> phraseSpans) {
        List<Part> parts = new ArrayList<>();
        int[] starts = tokenized.starts();
        for (Sentences.Sentence s : Sentences.split(text)) {
            if (Sentences.salutation(s.text())) {
                continue;
            }
            List<RuleId> cues = new ArrayList<>();
            for (Span p : phraseSpans) {
                if (p.start() < s.end() && s.start() < p.end()) {
                    cues.add(p.rule());
                }
            }
            int from = firstAtOrAfter(starts, s.start());
            int to = firstAtOrAfter(starts, s.end());
            if (from < to) { // not a signature name (blanked, no tokens left)
                parts.add(new Part(s, from, to, cues));
            }
        }
        return parts;
    }

    /**
     * The features of each sentence of {@code text} that {@link #scan} scores, one sink per sentence ({@code
     * perSentence}), as a model with {@value #SENTENCE_MODEL} reads them; nothing for a reply too short to be decided.
     */
    static void sentenceFeatures(String text, List<Span> phraseSpans, Supplier<TextFeatures.Sink> perSentence) {
        TextNormalizer.Tokenized tokenized = TextNormalizer.tokenize(modelText(text));
        if (words(tokenized.tokens()) < MIN_WORDS) {
            return;
        }
        for (Part part : parts(text, tokenized, phraseSpans)) {
            TextFeatures.Sink sink = perSentence.get();
            TextFeatures.extractBody(tokenized.tokens().subList(part.from(), part.to()), sink);
            cues(part.cues(), sink);
        }
    }

    /**
     * What the models read of {@code text}, offsets kept: its macro placeholders ({@link #withoutPlaceholders}) and its
     * greetings and sign-offs blanked to spaces - every sentence that is only one ({@link Sentences#salutation}: "Kind
     * regards,", "Mit freundlichen Grüßen", "Gruß, Jens von GrillGut"), a greeting clause before the first comma
     * ("Hello Anna, your parcel ...") and the signature lines under a sign-off that are only a name ({@link
     * Sentences#name}: "Futterfix Neuss"; a name line right after the opening greeting stays). They say nothing about
     * the rules, and trained on, a greeting word became a cue: "Hello, your backpack is with UPS and should arrive
     * soon." scored 0.23 for marketing, the same sentence without "Hello," 0.001; shop names that recur in a writer's
     * signatures became marketing cues the same way.
     */
    static String modelText(String text) {
        String t = withoutQuotedNames(withoutPlaceholders(text));
        StringBuilder out = null;
        boolean content = false;
        boolean afterSignOff = false;
        for (Sentences.Sentence s : Sentences.split(t)) {
            int end = s.end();
            boolean salutation = Sentences.salutation(s.text());
            boolean signature = afterSignOff && Sentences.name(s.text());
            afterSignOff = content && salutation || signature;
            if (!salutation && !signature) {
                content = true;
                int comma = s.text().indexOf(',');
                if (comma <= 0 || !Sentences.salutation(s.text().substring(0, comma))) {
                    continue;
                }
                end = s.start() + comma + 1;
            }
            out = out == null ? new StringBuilder(t) : out;
            for (int i = s.start(); i < end; i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? t : out.toString();
    }

    /**
     * {@code text} with every macro placeholder ({@code {{CustomerName}}}, {@code {{OrderID}}}: a macro's template, an
     * audit's redacted copy) blanked to spaces of its length, so offsets stay: the models were trained on replies as
     * buyers read them, and a placeholder's name ("customername") is no word of any of them.
     */
    static String withoutPlaceholders(String text) {
        int open = text.indexOf("{{");
        if (open < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        while (open >= 0) {
            int close = text.indexOf("}}", open + 2);
            if (close < 0 || close - open > MAX_PLACEHOLDER) {
                open = text.indexOf("{{", open + 2);
                continue;
            }
            for (int i = open; i < close + 2; i++) {
                out.setCharAt(i, ' ');
            }
            open = text.indexOf("{{", close + 2);
        }
        return out.toString();
    }

    /**
     * {@code text} with what short quotations hold ("”Kaffeemühle Classic”", "„Zugestellt“", «Retourner des articles»)
     * blanked to spaces, offsets kept: in a seller's reply they are the product's name, a carrier's status or the name
     * of a button, filled in from the order or Amazon's pages, not the seller's own words. Read by the models, a product
     * name became a cue: the built-in Swedish return macro was blocked as marketing for "Kaffeemühle Classic" and sent
     * for "Vandringsryggsäck 30 l". The quotation marks stay; quotations longer than {@value #MAX_QUOTED} characters or
     * across a line break are read.
     */
    static String withoutQuotedNames(String text) {
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            if (QUOTES.indexOf(text.charAt(i)) < 0) {
                i++;
                continue;
            }
            int close = -1;
            for (int j = i + 1; j < text.length() && j - i <= MAX_QUOTED + 1; j++) {
                char c = text.charAt(j);
                if (c == '\n') {
                    break;
                }
                if (QUOTES.indexOf(c) >= 0) {
                    close = j;
                    break;
                }
            }
            if (close < 0) {
                i++;
                continue;
            }
            out = out == null ? new StringBuilder(text) : out;
            for (int k = i + 1; k < close; k++) {
                out.setCharAt(k, ' ');
            }
            i = close + 1;
        }
        return out == null ? text : out.toString();
    }

    /** Double quotation marks of the eight languages (straight, curly, low-9, guillemets). */
    private static final String QUOTES = "\"\u201C\u201D\u201E\u00AB\u00BB";
    /** The longest quotation taken for a name. */
    static final int MAX_QUOTED = 60;

    /** The longest placeholder blanked, braces included. */
    private static final int MAX_PLACEHOLDER = 64;

    private static int words(List<String> tokens) {
        int n = 0;
        for (String t : tokens) {
            n += TextNormalizer.BOUNDARY.equals(t) || TextNormalizer.NUMBER.equals(t) ? 0 : 1;
        }
        return n;
    }

    /** The index of the first token starting at or after {@code offset} (ascending {@code starts}). */
    private static int firstAtOrAfter(int[] starts, int offset) {
        int i = java.util.Arrays.binarySearch(starts, offset);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && starts[i - 1] == offset) {
            i--;
        }
        return i;
    }
}
