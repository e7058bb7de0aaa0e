package com.deskbridge.intent;

import com.deskbridge.nlp.testing.Calibration;
import com.deskbridge.nlp.testing.ClassificationReport;
import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.IntentRecord;
import com.deskbridge.nlp.testing.LinearTrainer;
import com.deskbridge.nlp.testing.Reliability;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 *   <li>{@value #FOLDS}-fold cross-validation (stratified by intent, fixed seed): the held-out scores fit the
 *       softmax temperature and the needs-triage threshold, and are printed per language and label, with a
 *       reliability table;</li>
 *   <li>the final model is trained on everything with the same settings (Tribuo, {@link LinearTrainer}) and written
 *       in the compact {@link LinearModel} format, only the features with a non-zero weight.</li>
 * </ol>
 * Deterministic: fixed seeds, sorted inputs. Usage: {@code IntentTrainer <module dir> <output file>}.
 */
public final class IntentTrainer {
    static final int FOLDS = 5;
    static final long SEED = 20_261_121L;
    /** Features seen in fewer training messages are dropped. */
    static final int MIN_DOCUMENT_FREQUENCY = 2;
    /** The accuracy the messages that do not need triage should reach, and the most that may need triage. */
    static final double TARGET_ACCURACY = 0.955;
    static final double MAX_TRIAGED = 0.08;

    /** The settings of one training run. */
    record Settings(float[] blockWeights, LinearTrainer.Options options) {
        static Settings standard() {
            return new Settings(floats(System.getProperty("blocks", "1,0.6,0.4,0.3,0.3")),
                    new LinearTrainer.Options(LinearTrainer.Algorithm.valueOf(System.getProperty("algo", "LOGISTIC")),
                            Double.parseDouble(System.getProperty("cost", "10")), Integer.getInteger("epochs", 12),
                            Double.parseDouble(System.getProperty("lr", "0.5")), SEED));
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
        List<IntentRecord> corpus = trainingCorpus(module);
        Result result = train(corpus, Settings.standard(), true);
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            result.model().write(o);
        }
        System.out.printf(Locale.ROOT, "intent model: %d features, %.1f kB, trained in %.1f s -> %s%n",
                result.model().features(), Files.size(out) / 1024.0, (System.nanoTime() - start) / 1e9, out);
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

    /** Cross-validates, calibrates and trains the final model; prints the reports when {@code print}. */
    static Result train(List<IntentRecord> corpus, Settings settings, boolean print) {
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
        int[] fold = Calibration.folds(y, FOLDS, SEED);
        double[][] heldOut = new double[corpus.size()][];
        for (int f = 0; f < FOLDS; f++) {
            List<Integer> trainIdx = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (fold[i] != f) {
                    trainIdx.add(i);
                }
            }
            Fitted fitted = fit(vectors, y, trainIdx, labels.size(), settings);
            for (int i = 0; i < corpus.size(); i++) {
                if (fold[i] == f) {
                    heldOut[i] = fitted.scores(vectors.get(i));
                }
            }
        }
        double temperature = Calibration.temperature(heldOut, y);
        double[] confidence = new double[corpus.size()];
        boolean[] correct = new boolean[corpus.size()];
        int[] predicted = new int[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            double[] p = Calibration.softmax(heldOut[i], temperature);
            int best = 0;
            for (int l = 1; l < p.length; l++) {
                best = p[l] > p[best] ? l : best;
            }
            predicted[i] = best;
            confidence[i] = p[best];
            correct[i] = best == y[i];
        }
        Calibration.Threshold threshold = Calibration.threshold(confidence, correct, TARGET_ACCURACY, MAX_TRIAGED);
        List<ClassificationReport.Row> rows = new ArrayList<>();
        List<Reliability.Item> reliability = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            rows.add(new ClassificationReport.Row(corpus.get(i).group(), labels.get(y[i]), labels.get(predicted[i]),
                    confidence[i], confidence[i] < threshold.value()));
            reliability.add(new Reliability.Item(confidence[i], correct[i]));
        }
        ClassificationReport report = new ClassificationReport(FOLDS + "-fold cross-validation on the training corpus",
                labels, rows);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            all.add(i);
        }
        Fitted fin = fit(vectors, y, all, labels.size(), settings);
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put(IntentClassifier.THRESHOLD, threshold.value());
        LinearModel model = fin.model(labels, settings.blockWeights(), temperature, parameters);
        if (Boolean.getBoolean("errors")) {
            for (int i = 0; i < corpus.size(); i++) {
                if (!correct[i]) {
                    IntentRecord r = corpus.get(i);
                    System.out.printf(Locale.ROOT, "ERR %s %s -> %s (%.2f) | %s | %s%n", r.id(), r.intent(),
                            labels.get(predicted[i]), confidence[i], r.subject(), r.body().replace('\n', ' '));
                }
            }
        }
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

    /** A model trained on some items, with its vocabulary. */
    record Fitted(Map<Long, Integer> vocabulary, long[] keys, LinearTrainer.Weights weights) {
        double[] scores(Map<Long, Float> vector) {
            List<int[]> idx = new ArrayList<>();
            int[] f = new int[vector.size()];
            float[] v = new float[vector.size()];
            int n = 0;
            for (Map.Entry<Long, Float> e : vector.entrySet()) {
                Integer id = vocabulary.get(e.getKey());
                if (id != null) {
                    f[n] = id;
                    v[n++] = e.getValue();
                }
            }
            return weights.scores(Arrays.copyOf(f, n), Arrays.copyOf(v, n));
        }

        LinearModel model(List<String> labels, float[] blockWeights, double temperature,
                          Map<String, Double> parameters) {
            int k = labels.size();
            List<Integer> used = new ArrayList<>();
            for (int f = 0; f < keys.length; f++) {
                if (weights.used(f)) {
                    used.add(f);
                }
            }
            long[] usedKeys = new long[used.size()];
            float[] w = new float[used.size() * k];
            for (int r = 0; r < used.size(); r++) {
                int f = used.get(r);
                usedKeys[r] = keys[f];
                System.arraycopy(weights.weights(), f * k, w, r * k, k);
            }
            return new LinearModel(labels, blockWeights, temperature, parameters, usedKeys, w, weights.bias().clone());
        }
    }

    static Fitted fit(List<Map<Long, Float>> vectors, int[] y, List<Integer> items, int labels, Settings settings) {
        Map<Long, Integer> df = new HashMap<>();
        for (int i : items) {
            for (Long key : vectors.get(i).keySet()) {
                df.merge(key, 1, Integer::sum);
            }
        }
        long[] keys = df.entrySet().stream().filter(e -> e.getValue() >= MIN_DOCUMENT_FREQUENCY)
                .mapToLong(Map.Entry::getKey).sorted().toArray();
        Map<Long, Integer> vocabulary = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            vocabulary.put(keys[i], i);
        }
        List<LinearTrainer.Example> examples = new ArrayList<>(items.size());
        for (int i : items) {
            Map<Long, Float> vector = vectors.get(i);
            long[] present = vector.keySet().stream().filter(vocabulary::containsKey).mapToLong(Long::longValue)
                    .sorted().toArray();
            int[] f = new int[present.length];
            float[] v = new float[present.length];
            for (int j = 0; j < present.length; j++) {
                f[j] = vocabulary.get(present[j]);
                v[j] = vector.get(present[j]);
            }
            examples.add(new LinearTrainer.Example(y[i], f, v));
        }
        return new Fitted(vocabulary, keys, LinearTrainer.train(examples, labels, keys.length, settings.options()));
    }
}
