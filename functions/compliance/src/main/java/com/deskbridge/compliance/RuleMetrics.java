package com.deskbridge.compliance;

/** Message-level precision, recall and F1 of one rule; {@code support} is how many messages carry the label. */
public record RuleMetrics(RuleId rule, double precision, double recall, double f1, int support, int predicted,
                          int truePositives) {

    static RuleMetrics of(RuleId rule, int truePositives, int predicted, int support) {
        double p = predicted == 0 ? (support == 0 ? 1 : 0) : (double) truePositives / predicted;
        double r = support == 0 ? 1 : (double) truePositives / support;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new RuleMetrics(rule, p, r, f, support, predicted, truePositives);
    }
}
