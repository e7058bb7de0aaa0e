package com.deskbridge.intent;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of classifying a labelled corpus.
 *
 * @param confusion  {@code confusion[expected.ordinal()][predicted.ordinal()]}
 * @param macroF1    mean F1 over the intents that have support
 * @param errors     the misclassified entries, as "id: expected → predicted"
 */
public record EvaluationReport(String name, int total, double accuracy, double macroF1, List<IntentMetrics> perIntent,
                               int[][] confusion, List<String> errors) {

    public EvaluationReport {
        perIntent = List.copyOf(perIntent);
        errors = List.copyOf(errors);
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
    }

    /** The metrics of one intent. */
    public IntentMetrics metrics(Intent intent) {
        return perIntent.stream().filter(m -> m.intent() == intent).findFirst().orElseThrow();
    }

    /** A plain-text table: per-intent precision/recall/F1/support, totals, then the confusion matrix. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d messages, accuracy %.3f, macro-F1 %.3f%n", name, total, accuracy,
                macroF1));
        sb.append(String.format(Locale.ROOT, "%-22s %9s %7s %7s %7s%n", "intent", "precision", "recall", "f1",
                "support"));
        for (IntentMetrics m : perIntent) {
            sb.append(String.format(Locale.ROOT, "%-22s %9.3f %7.3f %7.3f %7d%n", m.intent(), m.precision(),
                    m.recall(), m.f1(), m.support()));
        }
        sb.append("confusion (rows expected, columns predicted):\n").append(String.format("%-22s", ""));
        for (Intent i : Intent.values()) {
            sb.append(String.format(Locale.ROOT, " %5s", abbreviation(i)));
        }
        sb.append('\n');
        for (Intent e : Intent.values()) {
            sb.append(String.format(Locale.ROOT, "%-22s", e));
            for (Intent p : Intent.values()) {
                sb.append(String.format(Locale.ROOT, " %5d", confusion[e.ordinal()][p.ordinal()]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String abbreviation(Intent i) {
        return switch (i) {
            case WHERE_IS_MY_ORDER -> "WISMO";
            case DELIVERY_PROBLEM -> "DELIV";
            case REFUND_REQUEST -> "REFND";
            case CANCELLATION_REQUEST -> "CANCL";
            case RETURN -> "RETRN";
            case DAMAGED_ITEM -> "DAMGD";
            case PRODUCT_QUESTION -> "PRODQ";
            case POSITIVE_FEEDBACK -> "POSFB";
            case OTHER -> "OTHER";
        };
    }
}
