package com.deskbridge.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Measures an {@link IntentClassifier} against a labelled corpus ({@link JsonLinesCorpus} reads one): per-intent
 * precision, recall, F1 and support, the confusion matrix, accuracy and macro-F1; and throughput. Makes no
 * assertions itself; thread-safe if the classifier is.
 */
public final class IntentEvaluation {
    private final IntentClassifier classifier;

    public IntentEvaluation(IntentClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** Evaluates all entries. */
    public EvaluationReport evaluate(String name, List<CorpusEntry> entries) {
        return evaluate(name, entries, e -> true);
    }

    /** Evaluates the entries that pass {@code filter} (e.g. {@link CorpusEntry#holdout()}). */
    public EvaluationReport evaluate(String name, List<CorpusEntry> entries, Predicate<CorpusEntry> filter) {
        int n = Intent.values().length;
        int[][] confusion = new int[n][n];
        List<String> errors = new ArrayList<>();
        int total = 0;
        int correct = 0;
        for (CorpusEntry e : entries) {
            if (!filter.test(e)) {
                continue;
            }
            Intent predicted = classifier.classify(e.subject(), e.body()).intent();
            confusion[e.intent().ordinal()][predicted.ordinal()]++;
            total++;
            if (predicted == e.intent()) {
                correct++;
            } else {
                errors.add(e.id() + ": " + e.intent() + " → " + predicted);
            }
        }
        List<IntentMetrics> metrics = new ArrayList<>();
        double f1Sum = 0;
        int withSupport = 0;
        for (Intent i : Intent.values()) {
            int tp = confusion[i.ordinal()][i.ordinal()];
            int predicted = 0;
            int support = 0;
            for (int k = 0; k < n; k++) {
                predicted += confusion[k][i.ordinal()];
                support += confusion[i.ordinal()][k];
            }
            IntentMetrics m = IntentMetrics.of(i, tp, predicted, support);
            metrics.add(m);
            if (support > 0) {
                f1Sum += m.f1();
                withSupport++;
            }
        }
        double accuracy = total == 0 ? 0 : (double) correct / total;
        double macroF1 = withSupport == 0 ? 0 : f1Sum / withSupport;
        return new EvaluationReport(name, total, accuracy, macroF1, metrics, confusion, errors);
    }

    /**
     * Classifies every entry {@code passes} times, single-threaded, after one untimed warm-up pass, and reports
     * the wall-clock rate. A measurement, not a benchmark harness: run it on a quiet machine.
     */
    public Throughput throughput(List<CorpusEntry> entries, int passes) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1");
        }
        long sink = 0;
        for (CorpusEntry e : entries) {
            sink += classifier.classify(e.subject(), e.body()).cues().size();
        }
        long start = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (CorpusEntry e : entries) {
                sink += classifier.classify(e.subject(), e.body()).cues().size();
            }
        }
        long nanos = System.nanoTime() - start;
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException("unreachable: keeps the work observable");
        }
        return new Throughput((long) passes * entries.size(), nanos);
    }
}
