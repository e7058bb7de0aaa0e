package com.deskbridge.intent;

/** Precision, recall and F1 of one intent; {@code support} is how many corpus entries carry that label. */
public record IntentMetrics(Intent intent, double precision, double recall, double f1, int support) {

    static IntentMetrics of(Intent intent, int truePositives, int predicted, int support) {
        double p = predicted == 0 ? 0 : (double) truePositives / predicted;
        double r = support == 0 ? 0 : (double) truePositives / support;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new IntentMetrics(intent, p, r, f, support);
    }
}
