package com.deskbridge.intent;

import com.deskbridge.nlp.testing.Calibration;
import com.deskbridge.nlp.testing.ClassificationReport;
import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.IntentRecord;
import com.deskbridge.nlp.testing.LinearTrainer;
import com.deskbridge.nlp.testing.Reliability;
import com.deskbridge.nlp.testing.TrainingInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the intent model at build time (exec-maven-plugin, process-test-classes) and writes it into
 * target/classes, so that it ships in the jar:
 * <ol>
 *   <li>reads the training split (corpus/train/*.jsonl) and the older corpus in src/test/resources (training
 *       only); never the test split;</li>
 *   <li>holds out a fifth of it (stratified by intent, fixed seed), trains on the rest and fits the softmax
 *       temperature and the needs-triage threshold on the held-out fifth, printing its figures per language and
 *       label and a reliability table;</li>
 *   <li>trains the final model on everything with the same settings (Tribuo's liblinear logistic regression, see
 *       {@link LinearTrainer}) and writes it in the compact {@link LinearModel} format, only the features with a
 *       non-zero weight.</li>
 * </ol>
 * Deterministic: fixed seeds, inputs in file order. Not retrained when nothing it is trained from changed
 * ({@link TrainingInputs}: the corpus, the trainer's and the feature code's classes, the settings). Usage:
 * {@code IntentTrainer <module dir> <output file>}. For
 * tuning, {@code -Dintent.folds=5} cross-validates on all five folds, and {@code -Dintent.algorithm},
 * {@code -Dintent.cost} and {@code -Dintent.blocks} (block weights in {@link TextFeatures.Block} order) change the
 * settings, and {@code -Dintent.cvExtra=<dir>} adds a directory's records to every fold's training without ever holding
 * them out (so the held-out messages stay the same: what adding new records does), and folds hold each writer's
 * records out together ({@link Calibration#writerFolds}; {@code -Dintent.foldBy=random} deals messages); the defaults are what cross-validation chose (README "Language models").
 */
public final class IntentTrainer {
    static final int FOLDS = 5;
    static final long SEED = 20_261_121L;
    /** The accuracy the messages that do not need triage should reach, and the most that may need triage. */
    static final double TARGET_ACCURACY = 0.955;
    static final double MAX_TRIAGED = 0.08;

    /** The settings of one training run. */
    record Settings(float[] blockWeights, LinearTrainer.Options options) {
        static Settings standard() {
            return new Settings(floats(System.getProperty("intent.blocks", "1,0.6,0.4,0.3,0.3,0.6")),
                    new LinearTrainer.Options(LinearTrainer.Algorithm.valueOf(System.getProperty("intent.algorithm", "LOGISTIC")),
                            Double.parseDouble(System.getProperty("intent.cost", "30")), Integer.getInteger("intent.epochs", 12),
                            Double.parseDouble(System.getProperty("intent.learningRate", "0.5")), SEED));
        }

        private static float[] floats(String csv) {
            String[] parts = csv.split(",");
            float[] f = new float[parts.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = Float.parseFloat(parts[i]);
            }
            return f;
        }
    }

    private IntentTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path module = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long start = System.nanoTime();
        TrainingInputs inputs = TrainingInputs.of(module.resolve("target/intent-model.inputs.sha256"),
                IntentTrainer.class, corpusFiles(module), List.of("intent."), List.of(out.getFileName().toString()));
        if (inputs.upToDate(List.of(out))) {
            System.out.printf(Locale.ROOT, "intent model up to date (corpus, trainer and feature code unchanged since "
                    + "it was trained: %s), not retrained in %.1f s; -Dnlp.retrain=true retrains%n",
                    inputs.digest().substring(0, 12), (System.nanoTime() - start) / 1e9);
            return;
        }
        List<IntentRecord> corpus = trainingCorpus(module);
        String extra = System.getProperty("intent.cvExtra");
        int extras = 0;
        if (extra != null) { // e.g. new writers' records: trained on in every fold, never held out (what adding them does)
            List<IntentRecord> more = Corpora.readDirectory(module.resolve(extra), IntentRecord.class);
            corpus.addAll(more);
            extras = more.size();
        }
        Result result = train(corpus, extras, Settings.standard(), true);
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            result.model().write(o);
        }
        inputs.record();
        System.out.printf(Locale.ROOT, "intent model: %d features, %.1f kB, trained in %.1f s -> %s%n",
                result.model().features(), Files.size(out) / 1024.0, (System.nanoTime() - start) / 1e9, out);
    }

    /** The corpus files the model is trained from (the up-to-date check hashes them). */
    static List<Path> corpusFiles(Path module) {
        List<Path> files = new ArrayList<>(TrainingInputs.jsonl(module.resolve(IntentCorpusEvaluation.TRAIN_SPLIT)));
        files.add(module.resolve("src/test/resources/intent-corpus.jsonl"));
        return files;
    }

    /** The training corpus: corpus/train/*.jsonl (when present) and the older corpus of the module tests. */
    static List<IntentRecord> trainingCorpus(Path module) throws IOException {
        List<IntentRecord> all = new ArrayList<>();
        Path train = module.resolve(IntentCorpusEvaluation.TRAIN_SPLIT);
        if (Files.isDirectory(train)) {
            all.addAll(Corpora.readDirectory(train, IntentRecord.class));
        }
        try (InputStream in = Files.newInputStream(module.resolve("src/test/resources/intent-corpus.jsonl"))) {
            all.addAll(Corpora.read(in, "intent-corpus.jsonl", IntentRecord.class));
        }
        return all;
    }

    /** The trained model and its cross-validated report. */
    record Result(LinearModel model, ClassificationReport crossValidated) {
    }

    /**
     * Cross-validates, calibrates and trains the final model; prints the reports when {@code print}. The last
     * {@code extras} records ({@code -Dintent.cvExtra}) are trained on in every fold and never held out.
     */
    static Result train(List<IntentRecord> corpus, int extras, Settings settings, boolean print) {
        List<String> labels = IntentCorpusEvaluation.labels();
        List<Map<Long, Float>> vectors = new ArrayList<>(corpus.size());
        int[] y = new int[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            IntentRecord r = corpus.get(i);
            FeatureCounts counts = new FeatureCounts();
            IntentClassifier.Text.of(r.subject(), r.body()).features(counts);
            vectors.add(counts.values(settings.blockWeights()));
            y[i] = labels.indexOf(r.intent());
        }
        // Folds by writer: random folds, with one writer's messages on both sides, made the model overconfident (9.8%
        // of a new writers' split fell under a needs-triage threshold fitted for 8%).
        int[] fold = !"random".equals(System.getProperty("intent.foldBy", "writer"))
                ? Calibration.writerFolds(corpus.subList(0, corpus.size() - extras).stream().map(IntentRecord::id).toList(), FOLDS)
                : Calibration.folds(Arrays.copyOf(y, corpus.size() - extras), FOLDS, SEED);
        fold = Arrays.copyOf(fold, corpus.size());
        Arrays.fill(fold, corpus.size() - extras, corpus.size(), -1);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            all.add(i);
        }
        // The final model depends on nothing the held-out folds give but the temperature and threshold stored beside
        // its weights: fitted on a second core while the folds are (liblinear is single-threaded), the same model.
        java.util.concurrent.CompletableFuture<SparseTraining.Fitted> finalFit = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> SparseTraining.fit(vectors, y, all, labels.size(), settings.options()));
        int heldOutFolds = Integer.getInteger("intent.folds", 1);
        double[][] heldOut = new double[corpus.size()][];
        for (int f = 0; f < heldOutFolds; f++) {
            List<Integer> trainIdx = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (fold[i] != f) {
                    trainIdx.add(i);
                }
            }
            SparseTraining.Fitted fitted = SparseTraining.fit(vectors, y, trainIdx, labels.size(), settings.options());
            for (int i = 0; i < corpus.size(); i++) {
                if (fold[i] == f) {
                    heldOut[i] = fitted.scores(vectors.get(i));
                }
            }
        }
        List<Integer> dev = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (heldOut[i] != null) {
                dev.add(i);
            }
        }
        double[][] devScores = dev.stream().map(i -> heldOut[i]).toArray(double[][]::new);
        int[] devLabels = dev.stream().mapToInt(i -> y[i]).toArray();
        double temperature = Calibration.temperature(devScores, devLabels);
        double[] confidence = new double[dev.size()];
        boolean[] correct = new boolean[dev.size()];
        int[] predicted = new int[dev.size()];
        for (int d = 0; d < dev.size(); d++) {
            int i = dev.get(d);
            double[] p = Calibration.softmax(heldOut[i], temperature);
            int best = 0;
            for (int l = 1; l < p.length; l++) {
                best = p[l] > p[best] ? l : best;
            }
            predicted[d] = best;
            confidence[d] = p[best];
            correct[d] = best == y[i];
        }
        Calibration.Threshold threshold = Calibration.threshold(confidence, correct, TARGET_ACCURACY, MAX_TRIAGED);
        List<ClassificationReport.Row> rows = new ArrayList<>();
        List<Reliability.Item> reliability = new ArrayList<>();
        for (int d = 0; d < dev.size(); d++) {
            int i = dev.get(d);
            rows.add(new ClassificationReport.Row(corpus.get(i).group(), labels.get(y[i]), labels.get(predicted[d]),
                    confidence[d], confidence[d] < threshold.value()));
            reliability.add(new Reliability.Item(confidence[d], correct[d]));
        }
        ClassificationReport report = new ClassificationReport(heldOutFolds == 1
                ? "dev split (the writers of one fold of five, held out)"
                : heldOutFolds + " of " + FOLDS + " cross-validation folds of the training corpus", labels, rows);
        SparseTraining.Fitted fin = finalFit.join();
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put(IntentClassifier.THRESHOLD, threshold.value());
        LinearModel model = fin.model(labels, settings.blockWeights(), temperature, parameters);
        if (print) {
            System.out.println(report.format());
            System.out.println(Reliability.format("held-out confidences (temperature " + String.format(Locale.ROOT,
                    "%.3f", temperature) + ")", reliability));
            System.out.printf(Locale.ROOT, "needs-triage threshold %.3f: %.1f%% of held-out messages below it, "
                    + "accuracy %.3f on the rest (target %.3f, at most %.0f%% triaged); settings %s%n",
                    threshold.value(), 100 * threshold.triaged(), threshold.accuracyAnswered(), TARGET_ACCURACY,
                    100 * MAX_TRIAGED, settings.options());
        }
        return new Result(model, report);
    }
}
