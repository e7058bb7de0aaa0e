package com.deskbridge.nlp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Single-label classification measured on a labelled corpus: accuracy, per-label precision/recall/F1, macro-F1
 * (mean F1 over the labels that have support in the rows measured), the confusion matrix, and for a model that
 * can abstain ("needs triage") the share of abstentions and the accuracy on the rest — overall and per language
 * group (the eight languages, then mixed). The predicted label counts for every row, abstained or not: the
 * model's best label is what the system stores.
 */
public final class ClassificationReport extends GroupedReport<ClassificationReport.Row, ClassificationReport.Figures> {
    /**
     * One measured item.
     *
     * @param group      the language, or "mixed"
     * @param confidence the model's confidence in {@code predicted}, NaN when it has none
     * @param abstained  true when the model marked the item for a person ("needs triage")
     */
    public record Row(String group, String expected, String predicted, double confidence, boolean abstained)
            implements Grouped {
        public Row {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(predicted, "predicted");
        }

        public boolean correct() {
            return expected.equals(predicted);
        }
    }

    /** The figures of one set of rows. */
    public record Figures(int total, double accuracy, double macroF1, List<LabelMetrics> perLabel, int[][] confusion,
                          int abstained, double accuracyAnswered) {
        public double abstainedShare() {
            return total == 0 ? 0 : (double) abstained / total;
        }

        public LabelMetrics label(String label) {
            return perLabel.stream().filter(m -> m.label().equals(label)).findFirst().orElseThrow();
        }
    }

    private final String name;
    private final List<String> labels;

    public ClassificationReport(String name, List<String> labels, List<Row> rows) {
        super(rows);
        this.name = name;
        this.labels = List.copyOf(labels);
        for (Row r : rows) {
            if (!labels.contains(r.expected()) || !labels.contains(r.predicted())) {
                throw new IllegalArgumentException("unknown label in " + r);
            }
        }
    }

    public List<String> labels() {
        return labels;
    }

    @Override
    Figures figures(Predicate<Row> filter) {
        int n = labels.size();
        int[][] confusion = new int[n][n];
        int total = 0;
        int correct = 0;
        int abstained = 0;
        int answeredCorrect = 0;
        for (Row r : rows()) {
            if (!filter.test(r)) {
                continue;
            }
            total++;
            confusion[labels.indexOf(r.expected())][labels.indexOf(r.predicted())]++;
            correct += r.correct() ? 1 : 0;
            if (r.abstained()) {
                abstained++;
            } else if (r.correct()) {
                answeredCorrect++;
            }
        }
        List<LabelMetrics> perLabel = new ArrayList<>();
        double f1Sum = 0;
        int withSupport = 0;
        for (int i = 0; i < n; i++) {
            int predicted = 0;
            int support = 0;
            for (int k = 0; k < n; k++) {
                predicted += confusion[k][i];
                support += confusion[i][k];
            }
            LabelMetrics m = new LabelMetrics(labels.get(i), confusion[i][i], predicted, support);
            perLabel.add(m);
            if (support > 0) {
                f1Sum += m.f1();
                withSupport++;
            }
        }
        int answered = total - abstained;
        return new Figures(total, total == 0 ? 0 : (double) correct / total, withSupport == 0 ? 0 : f1Sum / withSupport,
                perLabel, confusion, abstained, answered == 0 ? 0 : (double) answeredCorrect / answered);
    }

    /**
     * The printed tables: overall figures, per label, the confusion matrix (rows expected, columns predicted), per
     * group, and F1 per group and label.
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        Figures all = overall();
        sb.append(String.format(Locale.ROOT, "%s: %d messages, accuracy %.3f, macro-F1 %.3f, needs triage %.1f%%, "
                + "accuracy on the rest %.3f%n", name, all.total(), all.accuracy(), all.macroF1(),
                100 * all.abstainedShare(), all.accuracyAnswered()));
        sb.append(String.format(Locale.ROOT, "  %-22s %9s %7s %7s %8s %9s%n", "label", "precision", "recall", "f1",
                "support", "predicted"));
        for (LabelMetrics m : all.perLabel()) {
            sb.append(String.format(Locale.ROOT, "  %-22s %9.3f %7.3f %7.3f %8d %9d%n", m.label(), m.precision(),
                    m.recall(), m.f1(), m.support(), m.predicted()));
        }
        sb.append("  confusion (rows expected, columns predicted):\n").append(String.format("  %-22s", ""));
        for (String l : labels) {
            sb.append(String.format(Locale.ROOT, " %5s", abbreviation(l)));
        }
        sb.append('\n');
        for (int e = 0; e < labels.size(); e++) {
            sb.append(String.format(Locale.ROOT, "  %-22s", labels.get(e)));
            for (int p = 0; p < labels.size(); p++) {
                sb.append(String.format(Locale.ROOT, " %5d", all.confusion()[e][p]));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  %-6s %5s %8s %8s %7s %9s%n", "group", "n", "accuracy", "macro-F1",
                "triage", "acc.rest"));
        byGroup().forEach((g, f) -> sb.append(String.format(Locale.ROOT, "  %-6s %5d %8.3f %8.3f %6.1f%% %9.3f%n", g,
                f.total(), f.accuracy(), f.macroF1(), 100 * f.abstainedShare(), f.accuracyAnswered())));
        sb.append("  F1 per group and label:\n").append(String.format("  %-6s", ""));
        for (String l : labels) {
            sb.append(String.format(Locale.ROOT, " %5s", abbreviation(l)));
        }
        sb.append('\n');
        byGroup().forEach((g, f) -> {
            sb.append(String.format(Locale.ROOT, "  %-6s", g));
            for (LabelMetrics m : f.perLabel()) {
                sb.append(m.support() == 0 ? "     -" : String.format(Locale.ROOT, " %5.2f", m.f1()));
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    /** Five letters of a label: the initials of its words, padded with the first word's letters. */
    static String abbreviation(String label) {
        String[] words = label.split("_");
        StringBuilder sb = new StringBuilder();
        if (words.length == 1) {
            sb.append(label, 0, Math.min(5, label.length()));
        } else {
            for (String w : words) {
                sb.append(w.charAt(0));
            }
            int extra = 1;
            while (sb.length() < 5 && extra < words[0].length()) {
                sb.insert(extra, words[0].charAt(extra));
                extra++;
            }
        }
        return sb.substring(0, Math.min(5, sb.length()));
    }
}
