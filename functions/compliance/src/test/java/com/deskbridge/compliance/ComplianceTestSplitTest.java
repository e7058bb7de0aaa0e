package com.deskbridge.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.nlp.testing.LabelMetrics;
import com.deskbridge.nlp.testing.MultiLabelReport;
import com.deskbridge.nlp.testing.ReplyRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The frozen test split (corpus/test: written independently to LABELLING.md, pinned by SHA256SUMS, never used for
 * training or tuning) held to floors: what the shipped checker measured on it when it was last changed, minus 0.02
 * (the send/block decision overall and per language, precision and recall per rule). Prints the tables.
 */
class ComplianceTestSplitTest {
    static final double MARGIN = 0.02;
    static final int MIN_GROUP = 50;

    /**
     * Measured on the frozen split with the models and detectors of this commit (README "Language models"):
     * marketing and review requests decided by sentence models (LearnedRules.SENTENCE_MODEL), chosen by writer-fold
     * cross-validation on the training split (decision 0.922 -> 0.946, marketing F1 0.790 -> 0.840, review requests
     * 0.891 -> 0.932). The split (1,280 replies: the first part, t5 and t6, and t7 briefed without the training
     * writers' briefs) was read only to measure, after the choice. The checker before this commit measured decision
     * 0.980, marketing 0.833/0.962, review requests 0.954/0.965 on it; marketing precision is still under the
     * issue's 0.92 (a threshold for 0.9 precision on held-out replies lost in cross-validation again: decision 0.945
     * -> 0.941, marketing recall 0.849 -> 0.771). The floors are the whole split's figures minus {@link #MARGIN}.
     */
    static final double DECISION = 0.983;
    static final Map<String, Double> DECISION_BY_GROUP = Map.of("en", 1.000, "de", 0.987, "fr", 0.967, "it", 0.987,
            "es", 0.987, "nl", 0.980, "pl", 0.973, "sv", 0.987, "mixed", 0.975);
    static final Map<String, double[]> PRECISION_RECALL_BY_RULE = Map.of(
            "EXTERNAL_LINK", new double[] {1.000, 0.990}, "EMAIL_ADDRESS", new double[] {1.000, 0.984},
            "PHONE_NUMBER", new double[] {0.986, 1.000}, "OFF_AMAZON_CONTACT", new double[] {0.960, 0.874},
            "EMOJI_OR_PICTOGRAPH", new double[] {1.000, 1.000}, "MARKETING", new double[] {0.816, 0.952},
            "REVIEW_REQUEST", new double[] {0.988, 0.983});

    @Test
    void frozenSplitMeetsItsFloors() {
        List<ReplyRecord> split = ComplianceCorpusEvaluation.testSplit(Path.of(""));
        MultiLabelReport report = ComplianceCorpusEvaluation.evaluate("compliance, frozen test split", split,
                new ComplianceChecker());
        System.out.println(report.format());

        MultiLabelReport.Figures all = report.overall();
        assertThat(all.total()).isEqualTo(split.size());
        assertThat(all.decisionAccuracy()).as("send/block decision").isGreaterThanOrEqualTo(DECISION - MARGIN);
        report.byGroup().forEach((group, f) -> {
            if (f.total() >= MIN_GROUP) {
                assertThat(f.decisionAccuracy()).as("decision in %s", group)
                        .isGreaterThanOrEqualTo(DECISION_BY_GROUP.get(group) - MARGIN);
            }
        });
        for (LabelMetrics m : all.perRule()) {
            double[] floor = PRECISION_RECALL_BY_RULE.get(m.label());
            assertThat(m.precision()).as("precision of %s", m.label()).isGreaterThanOrEqualTo(floor[0] - MARGIN);
            assertThat(m.recall()).as("recall of %s", m.label()).isGreaterThanOrEqualTo(floor[1] - MARGIN);
        }
    }
}
