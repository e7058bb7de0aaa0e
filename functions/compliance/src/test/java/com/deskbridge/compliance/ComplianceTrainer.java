package com.deskbridge.compliance;

import com.deskbridge.intent.FeatureCounts;
import com.deskbridge.intent.LinearModel;
import com.deskbridge.intent.SparseTraining;
import com.deskbridge.nlp.testing.Calibration;
import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.LinearTrainer;
import com.deskbridge.nlp.testing.MultiLabelReport;
import com.deskbridge.nlp.testing.ReplyRecord;
import com.deskbridge.nlp.testing.TrainingInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the compliance checker's models ({@link LearnedRules}: one logistic model per rule over the whole reply)
 * at build time (exec-maven-plugin, process-test-classes) and writes them into target/classes. A fifth of the
 * replies (stratified, fixed seed) is held out to choose each rule's threshold (the best F1 with at least
 * {@code compliance.minPrecision} precision where reachable) and to print the whole checker's figures on them; the
 * shipped models are trained on everything with those thresholds. Reads corpus/train/*.jsonl and the older corpus
 * in src/test/resources, never the test split; not retrained when nothing they are trained from changed
 * ({@link TrainingInputs}). Usage: {@code ComplianceTrainer <module dir> <output dir>}. With
 * {@code -Dcompliance.folds=5} it first prints a cross-validation whose folds hold out whole writers (as the frozen
 * split and real sellers are writers the models never saw; {@code -Dcompliance.foldBy=reply} deals replies), and
 * {@code -Dcompliance.dev} chooses which held-out replies fit the thresholds ({@link #devFolds}).
 */
public final class ComplianceTrainer {
    static final long SEED = 20_261_121L;
    /** With more than one fold, the trainer first prints a k-fold cross-validation of the training split. */
    static final int FOLDS = Integer.getInteger("compliance.folds", 1);
    static final double MIN_PRECISION = Double.parseDouble(System.getProperty("compliance.minPrecision", "0.8"));

    /** A rule's own minimum precision ({@code compliance.minPrecision.RULE}), else {@link #MIN_PRECISION}. */
    static double minPrecision(RuleId rule) {
        return Double.parseDouble(System.getProperty("compliance.minPrecision." + rule.name(), String.valueOf(MIN_PRECISION)));
    }
    /** Block weights in {@code TextFeatures.Block} order (the subject block is unused for replies). */
    static final float[] BLOCKS = {1.0f, 0.6f, 0.4f, 0.3f, 0.3f, 1.0f};
    /** Decide per sentence ({@link LearnedRules#BY_SENTENCE}): the lower of the reply's and its best sentence's score. */
    static final boolean BY_SENTENCE = Boolean.parseBoolean(System.getProperty("compliance.bySentence", "false"));
    /**
     * The rules whose models are trained on sentences ({@link LearnedRules#SENTENCE_MODEL}, {@code
     * -Dcompliance.sentenceRules=MARKETING,REVIEW_REQUEST}; none: every model reads the whole reply).
     */
    static final java.util.Set<RuleId> SENTENCE_RULES = java.util.Arrays.stream(
                    System.getProperty("compliance.sentenceRules", "MARKETING,REVIEW_REQUEST").split(","))
            .filter(x -> !x.isBlank()).map(String::trim).map(RuleId::valueOf)
            .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(RuleId.class)));
    /** How many times a reply that breaks the rule counts in its model's training (a class weight). */
    static final int POSITIVE_WEIGHT = Integer.getInteger("compliance.positiveWeight", 1);
    /** The product's own texts (BuiltInTextsFixtureTest writes them): no learned rule may block one. */
    static final String BUILT_IN_TEXTS = "corpus/built-in-texts.jsonl";
    /** How far above the highest score of a built-in text a threshold is raised when it would block one. */
    static final double BUILT_IN_MARGIN = 0.02;
    /** Cross-validation folds hold out whole writers ({@code -Dcompliance.foldBy=reply} deals replies instead). */
    static final boolean FOLD_BY_WRITER = !"reply".equals(System.getProperty("compliance.foldBy", "writer"));
    /** Which held-out replies choose the thresholds: {@code reply}, {@code writer} or {@code all-writers} ({@link #devFolds}). */
    static final String DEV = System.getProperty("compliance.dev", "reply");
    static final LinearTrainer.Options OPTIONS = new LinearTrainer.Options(LinearTrainer.Algorithm.LOGISTIC,
            Double.parseDouble(System.getProperty("compliance.cost", "30")), 0, 0, SEED);

    private ComplianceTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path module = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        long start = System.nanoTime();
        List<Path> outputs = LearnedRules.RULES.stream().map(r -> outDir.resolve(LearnedRules.resource(r).substring(1)))
                .toList();
        TrainingInputs inputs = TrainingInputs.of(module.resolve("target/compliance-models.inputs.sha256"),
                ComplianceTrainer.class, corpusFiles(module), List.of("compliance.cost", "compliance.minPrecision",
                        "compliance.bySentence", "compliance.positiveWeight", "compliance.dev",
                        "compliance.sentenceRules", "compliance.sentenceRounds"),
                List.of()); // compliance.folds only prints a cross-validation: the models do not change
        if (inputs.upToDate(outputs)) {
            System.out.printf(Locale.ROOT, "compliance models up to date (corpus, trainer and feature code unchanged "
                    + "since they were trained: %s), not retrained in %.1f s; -Dnlp.retrain=true retrains%n",
                    inputs.digest().substring(0, 12), (System.nanoTime() - start) / 1e9);
            return;
        }
        List<ReplyRecord> corpus = trainingCorpus(module);
        if (FOLDS > 1) {
            System.out.println(crossValidate(module, FOLDS).format());
            System.out.println("thresholds raised for built-in texts in the cross-validation: " + BUILT_IN_RAISES.get());
        }
        Map<RuleId, LinearModel> models = train(corpus, builtInTexts(module), true);
        long bytes = 0;
        for (Map.Entry<RuleId, LinearModel> e : models.entrySet()) {
            Path out = outDir.resolve(LearnedRules.resource(e.getKey()).substring(1));
            Files.createDirectories(out.getParent());
            try (OutputStream o = Files.newOutputStream(out)) {
                e.getValue().write(o);
            }
            bytes += Files.size(out);
        }
        inputs.record();
        System.out.printf(Locale.ROOT, "compliance models: %s features, %.1f kB, trained in %.1f s -> %s%n",
                models.values().stream().map(m -> String.valueOf(m.features())).toList(), bytes / 1024.0,
                (System.nanoTime() - start) / 1e9, outDir);
    }

    /** The corpus files the models are trained from (the up-to-date check hashes them). */
    static List<Path> corpusFiles(Path module) {
        List<Path> files = new ArrayList<>(TrainingInputs.jsonl(module.resolve(ComplianceCorpusEvaluation.TRAIN_SPLIT)));
        files.add(module.resolve("src/test/resources/compliance-corpus.jsonl"));
        files.add(module.resolve(BUILT_IN_TEXTS));
        return files;
    }

    /** Every built-in macro in every language and the automatic replies, as the product renders them. */
    static List<ReplyRecord> builtInTexts(Path module) {
        return Corpora.read(module.resolve(BUILT_IN_TEXTS), ReplyRecord.class);
    }

    static List<ReplyRecord> trainingCorpus(Path module) throws IOException {
        List<ReplyRecord> all = new ArrayList<>();
        Path train = module.resolve(ComplianceCorpusEvaluation.TRAIN_SPLIT);
        if (Files.isDirectory(train)) {
            all.addAll(Corpora.readDirectory(train, ReplyRecord.class));
        }
        try (InputStream in = Files.newInputStream(module.resolve("src/test/resources/compliance-corpus.jsonl"))) {
            all.addAll(Corpora.read(in, "compliance-corpus.jsonl", ReplyRecord.class));
        }
        return all;
    }

    /**
     * K-fold cross-validation on the training split (corpus/train; folds by writer, {@link Calibration#writerFolds},
     * or with {@code -Dcompliance.foldBy=reply} stratified by the first learned rule a reply breaks): each fold is checked by a checker trained, exactly as the shipped one (thresholds on an
     * inner held-out fifth), on the other folds plus the older corpus of src/test/resources, which is never held
     * out. The report holds every training-split reply once.
     */
    static MultiLabelReport crossValidate(Path module, int folds) throws IOException {
        List<ReplyRecord> split = Corpora.readDirectory(module.resolve(ComplianceCorpusEvaluation.TRAIN_SPLIT),
                ReplyRecord.class);
        List<ReplyRecord> older;
        try (InputStream in = Files.newInputStream(module.resolve("src/test/resources/compliance-corpus.jsonl"))) {
            older = new ArrayList<>(Corpora.read(in, "compliance-corpus.jsonl", ReplyRecord.class));
        }
        String extra = System.getProperty("compliance.cvExtra");
        if (extra != null) { // e.g. corpus/held-back: trained on in every fold, never held out (what adding it does)
            older.addAll(Corpora.readDirectory(module.resolve(extra), ReplyRecord.class));
        }
        int[] fold = FOLD_BY_WRITER ? Calibration.writerFolds(split.stream().map(ReplyRecord::id).toList(), folds)
                : Calibration.folds(strata(split), folds, SEED);
        List<ReplyRecord> builtIns = builtInTexts(module);
        List<MultiLabelReport.Row> rows = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<ReplyRecord> train = new ArrayList<>();
            List<ReplyRecord> held = new ArrayList<>();
            for (int i = 0; i < split.size(); i++) {
                (fold[i] == f ? held : train).add(split.get(i));
            }
            train.addAll(older);
            ComplianceChecker checker = new ComplianceChecker(CarrierLinkPolicy.BLOCK, new LearnedRules(train(train, builtIns, false)));
            rows.addAll(ComplianceCorpusEvaluation.evaluate("fold " + f, held, checker).rows());
        }
        return new MultiLabelReport("compliance checker, " + folds + "-fold cross-validation on the training split ("
                + split.size() + " replies; settings " + OPTIONS + ", minimum precision " + MIN_PRECISION + ", by sentence "
                + BY_SENTENCE + ", positive weight " + POSITIVE_WEIGHT + ", folds by " + (FOLD_BY_WRITER ? "writer" : "reply")
                + ", thresholds on " + DEV + ", also trained on " + extra + ")",
                ComplianceCorpusEvaluation.rules(), rows);
    }

    /**
     * One reply as the models read it: its feature values, the rules it breaks and, when some model is trained on
     * sentences ({@link #SENTENCE_RULES}), each sentence's feature values.
     */
    record Reply(Map<Long, Float> features, List<RuleId> rules, List<Map<Long, Float>> sentences) {
    }

    static Reply reply(ReplyRecord r, PhraseRule phrases) {
        List<Span> cues = new ArrayList<>();
        phrases.scan(new FoldedText(r.text()), com.deskbridge.intent.Language.UNKNOWN, cues);
        FeatureCounts counts = new FeatureCounts();
        LearnedRules.features(r.text(), cues.stream().map(Span::rule).toList(), counts);
        List<RuleId> rules = r.findings().stream().map(RuleId::valueOf).toList();
        List<FeatureCounts> sentences = new ArrayList<>();
        if (!SENTENCE_RULES.isEmpty()) {
            LearnedRules.sentenceFeatures(r.text(), cues, () -> {
                FeatureCounts c = new FeatureCounts();
                sentences.add(c);
                return c;
            });
        }
        return new Reply(counts.values(BLOCKS), rules, sentences.stream().map(c -> c.values(BLOCKS)).toList());
    }

    /**
     * The shipped models: each rule's model is fitted on four fifths of {@code corpus}, its threshold chosen on the
     * fifth held out (on the decision score the checker uses, {@link LearnedRules#scores}), and the model fitted on
     * everything with that threshold (a sentence model's training sentences picked by its dev model: one fit, not
     * {@link #SENTENCE_ROUNDS} more). A threshold under which a built-in text would be blocked is raised above that
     * text's score; if a built-in text is still blocked, training fails.
     */
    static Map<RuleId, LinearModel> train(List<ReplyRecord> corpus, List<ReplyRecord> builtIns, boolean print) {
        PhraseRule phrases = new PhraseRule();
        List<Reply> replies = corpus.stream().map(r -> reply(r, phrases)).toList();
        int[] fold = devFolds(corpus);
        int devFolds = "all-writers".equals(DEV) ? 5 : 1;
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            all.add(i);
        }
        List<Integer> devIdx = new ArrayList<>();
        List<Map<RuleId, LinearModel>> devModels = new ArrayList<>();
        List<double[]> devScores = new ArrayList<>();
        for (int f = 0; f < devFolds; f++) {
            int held = f;
            List<Integer> trainIdx = all.stream().filter(i -> fold[i] != held).toList();
            Map<RuleId, LinearModel> dev = byRule(rule -> fit(replies, trainIdx, rule).calibrated(1.0, parameters(rule, 0.5)));
            LearnedRules devRules = new LearnedRules(dev);
            devModels.add(dev);
            for (int i : all) {
                if (fold[i] == f) {
                    devIdx.add(i);
                    devScores.add(scores(devRules, phrases, corpus.get(i).text()));
                }
            }
        }
        Map<RuleId, Double> thresholds = new EnumMap<>(RuleId.class);
        for (int r = 0; r < LearnedRules.RULES.size(); r++) {
            RuleId rule = LearnedRules.RULES.get(r);
            double[] score = new double[devIdx.size()];
            boolean[] positive = new boolean[devIdx.size()];
            for (int d = 0; d < devIdx.size(); d++) {
                score[d] = devScores.get(d)[r];
                positive[d] = replies.get(devIdx.get(d)).rules().contains(rule);
            }
            double t = threshold(score, positive, minPrecision(rule));
            thresholds.put(rule, t);
            devModels.forEach(dev -> dev.put(rule, dev.get(rule).calibrated(1.0, parameters(rule, t))));
        }
        // a sentence model on everything picks its training sentences with the first dev fold's sentence model
        Map<RuleId, LinearModel> fin = byRule(rule -> (SENTENCE_RULES.contains(rule)
                ? fitBySentence(replies, all, rule, devModels.get(0).get(rule), 0)
                : fit(replies, all, rule)).calibrated(1.0, parameters(rule, thresholds.get(rule))));
        guardBuiltIns(fin, builtIns, phrases, print);
        if (print) {
            List<MultiLabelReport.Row> rows = new ArrayList<>();
            for (int f = 0; f < devFolds; f++) {
                int held = f;
                rows.addAll(ComplianceCorpusEvaluation.evaluate("dev fold " + f,
                        all.stream().filter(i -> fold[i] == held).map(corpus::get).toList(),
                        new ComplianceChecker(CarrierLinkPolicy.BLOCK, new LearnedRules(devModels.get(f)))).rows());
            }
            System.out.println(new MultiLabelReport("compliance checker on the dev replies (" + DEV + ", held out)",
                    ComplianceCorpusEvaluation.rules(), rows).format());
            Map<RuleId, Double> shipped = new EnumMap<>(RuleId.class);
            fin.forEach((r, m) -> shipped.put(r, m.parameter(LearnedRules.THRESHOLD)));
            System.out.println("thresholds " + shipped + "; settings " + OPTIONS + ", by sentence " + BY_SENTENCE
                    + ", positive weight " + POSITIVE_WEIGHT);
        }
        return fin;
    }

    /** Stratified by the first learned rule a reply breaks (0 for none). */
    private static int[] strata(List<ReplyRecord> records) {
        return records.stream().mapToInt(r -> LearnedRules.RULES.stream().filter(x -> r.findings().contains(x.name()))
                .mapToInt(x -> x.ordinal() + 1).findFirst().orElse(0)).toArray();
    }

    /**
     * The folds {@link #train} fits thresholds on ({@link #DEV}): "reply", a stratified fifth of the replies;
     * "writer", the writers of one fold of five ({@link Calibration#writerFolds}); "all-writers", every writer fold in
     * turn (thresholds over all of them). Replies without a writer (the older corpus) are never held out.
     */
    private static int[] devFolds(List<ReplyRecord> corpus) {
        return "reply".equals(DEV) ? Calibration.folds(strata(corpus), 5, SEED)
                : Calibration.writerFolds(corpus.stream().map(ReplyRecord::id).toList(), 5);
    }

    private static Map<String, Double> parameters(RuleId rule, double threshold) {
        return Map.of(LearnedRules.THRESHOLD, threshold, LearnedRules.BY_SENTENCE, BY_SENTENCE ? 1.0 : 0.0,
                LearnedRules.SENTENCE_MODEL, SENTENCE_RULES.contains(rule) ? 1.0 : 0.0);
    }

    private static double[] scores(LearnedRules rules, PhraseRule phrases, String text) {
        List<Span> cues = new ArrayList<>();
        phrases.scan(new FoldedText(text), com.deskbridge.intent.Language.UNKNOWN, cues);
        return rules.scores(text, cues);
    }

    /**
     * Raises each threshold (in {@code models}) above the highest score of a built-in text, so that the product's
     * own texts are never blocked by a learned rule, and fails if one still is.
     */
    static void guardBuiltIns(Map<RuleId, LinearModel> models, List<ReplyRecord> builtIns, PhraseRule phrases,
                              boolean print) {
        LearnedRules rules = new LearnedRules(models);
        double[] max = new double[LearnedRules.RULES.size()];
        String[] worst = new String[max.length];
        for (ReplyRecord b : builtIns) {
            double[] s = scores(rules, phrases, b.text());
            for (int r = 0; r < max.length; r++) {
                if (s[r] > max[r]) {
                    max[r] = s[r];
                    worst[r] = b.id();
                }
            }
        }
        for (int r = 0; r < max.length; r++) {
            RuleId rule = LearnedRules.RULES.get(r);
            double t = models.get(rule).parameter(LearnedRules.THRESHOLD);
            if (max[r] >= t) {
                double raised = Math.min(0.999, max[r] + BUILT_IN_MARGIN);
                models.put(rule, models.get(rule).calibrated(1.0, parameters(rule, raised)));
                BUILT_IN_RAISES.incrementAndGet();
                System.out.printf(Locale.ROOT, "%s threshold %.3f raised to %.3f: built-in text %s scores %.3f%n",
                        rule, t, raised, worst[r], max[r]);
            } else if (print) {
                System.out.printf(Locale.ROOT, "%s threshold %.3f; highest built-in text %s scores %.3f%n", rule, t,
                        worst[r], max[r]);
            }
        }
        ComplianceChecker checker = new ComplianceChecker(CarrierLinkPolicy.BLOCK, new LearnedRules(models));
        for (ReplyRecord b : builtIns) {
            List<String> learned = checker.check(b.text()).findings().stream().map(f -> f.rule().name())
                    .filter(n -> LearnedRules.RULES.stream().anyMatch(x -> x.name().equals(n))).toList();
            if (!learned.isEmpty()) {
                throw new IllegalStateException("the compliance models block the built-in text " + b.id() + " ("
                        + learned + "): " + b.text());
            }
        }
    }

    /** How often a threshold was raised for a built-in text (the cross-validation prints it). */
    static final java.util.concurrent.atomic.AtomicInteger BUILT_IN_RAISES = new java.util.concurrent.atomic.AtomicInteger();

    /** The threshold with the best F1 among those with at least {@code minPrecision} precision (or the best F1). */
    static double threshold(double[] score, boolean[] positive, double minPrecision) {
        double[] candidates = Arrays.stream(score).distinct().sorted().toArray();
        double best = 0.5;
        double bestF1 = -1;
        boolean bestPrecise = false;
        for (double t : candidates) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < score.length; i++) {
                boolean p = score[i] >= t;
                tp += p && positive[i] ? 1 : 0;
                fp += p && !positive[i] ? 1 : 0;
                fn += !p && positive[i] ? 1 : 0;
            }
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            boolean precise = precision >= minPrecision;
            if ((precise && !bestPrecise) || (precise == bestPrecise && f1 > bestF1)) {
                best = t;
                bestF1 = f1;
                bestPrecise = precise;
            }
        }
        return Math.min(0.95, Math.max(0.01, best));
    }

    /**
     * A binary model (NONE, rule) trained on the replies {@code items}: on the whole replies, or for a rule in
     * {@link #SENTENCE_RULES} on sentences ({@link #fitBySentence}).
     */
    static LinearModel fit(List<Reply> replies, List<Integer> items, RuleId rule) {
        LinearModel byReply = fit(replies.stream().map(Reply::features).toList(),
                replies.stream().mapToInt(r -> r.rules().contains(rule) ? 1 : 0).toArray(), items, rule);
        return SENTENCE_RULES.contains(rule) ? fitBySentence(replies, items, rule, byReply, SENTENCE_ROUNDS) : byReply;
    }

    /**
     * One model per learned rule, fitted side by side (liblinear is single-threaded; each fit is deterministic and
     * independent of the others, so the models are the same in any order).
     */
    private static Map<RuleId, LinearModel> byRule(java.util.function.Function<RuleId, LinearModel> fit) {
        Map<RuleId, LinearModel> models = new java.util.concurrent.ConcurrentHashMap<>();
        LearnedRules.RULES.parallelStream().forEach(rule -> models.put(rule, fit.apply(rule)));
        return new EnumMap<>(models);
    }

    /** How many times the sentence model picks the sentences that break the rule again and is trained anew. */
    static final int SENTENCE_ROUNDS = Integer.getInteger("compliance.sentenceRounds", 1);

    /**
     * A sentence model (multiple-instance learning: a reply's label says that some sentence of it breaks the rule,
     * not which): of each reply that breaks the rule the sentence {@code picker} scores highest is the positive
     * example (the whole reply when it has no scored sentence), every sentence of the replies that do not is a
     * negative one; the other sentences of breaking replies are left out. Then, {@code rounds} times, the
     * model picks the sentences again and is trained anew.
     */
    static LinearModel fitBySentence(List<Reply> replies, List<Integer> items, RuleId rule, LinearModel picker,
                                     int rounds) {
        LinearModel model = picker;
        for (int round = 0; round <= rounds; round++) {
            List<Map<Long, Float>> vectors = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int i : items) {
                Reply r = replies.get(i);
                if (!r.rules().contains(rule)) {
                    r.sentences().forEach(v -> {
                        vectors.add(v);
                        labels.add(0);
                    });
                    continue;
                }
                Map<Long, Float> best = r.features();
                double bestScore = Double.NEGATIVE_INFINITY;
                for (Map<Long, Float> v : r.sentences()) {
                    double[] s = model.scoreValues(v);
                    if (s[1] - s[0] > bestScore) {
                        bestScore = s[1] - s[0];
                        best = v;
                    }
                }
                vectors.add(best);
                labels.add(1);
            }
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                all.add(i);
            }
            model = fit(vectors, labels.stream().mapToInt(Integer::intValue).toArray(), all, rule);
        }
        return model;
    }

    private static LinearModel fit(List<Map<Long, Float>> vectors, int[] y, List<Integer> items, RuleId rule) {
        List<Integer> weighted = new ArrayList<>(items);
        for (int w = 1; w < POSITIVE_WEIGHT; w++) {
            items.stream().filter(i -> y[i] == 1).forEach(weighted::add);
        }
        return SparseTraining.fit(vectors, y, weighted, 2, OPTIONS)
                .model(List.of(LearnedRules.NONE, rule.name()), BLOCKS, 1.0, Map.of());
    }
}
