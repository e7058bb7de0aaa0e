package com.deskbridge.nlp.testing;

/**
 * Precision, recall and F1 of one label. Precision is 1 when nothing was predicted and nothing was expected, and 0
 * when nothing was predicted but something was expected; recall is 1 without support.
 *
 * @param support   how many items carry the label
 * @param predicted how many items the model gave the label
 */
public record LabelMetrics(String label, int truePositives, int predicted, int support) {

    public double precision() {
        return predicted == 0 ? (support == 0 ? 1 : 0) : (double) truePositives / predicted;
    }

    public double recall() {
        return support == 0 ? 1 : (double) truePositives / support;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
