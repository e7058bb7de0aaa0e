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
     * Measured on the frozen split with the models and detectors of this commit (README "Language models"); a figure
     * they measured lower than before is left at the previous one (nl decision 1.000, 0.983 now; off-Amazon contact
     * precision 0.952, 0.948 now), except review-request precision: trained with r14 to r20 the review model trades
     * precision (0.966 -> 0.942) for recall (0.851 -> 0.970), and the floor follows the measurement.
     */
    static final double DECISION = 0.978;
    static final Map<String, Double> DECISION_BY_GROUP = Map.of("en", 0.967, "de", 0.967, "fr", 0.983, "it", 0.983,
            "es", 1.000, "nl", 1.000, "pl", 0.983, "sv", 0.950);
    static final Map<String, double[]> PRECISION_RECALL_BY_RULE = Map.of(
            "EXTERNAL_LINK", new double[] {1.000, 1.000}, "EMAIL_ADDRESS", new double[] {1.000, 1.000},
            "PHONE_NUMBER", new double[] {1.000, 1.000}, "OFF_AMAZON_CONTACT", new double[] {0.952, 0.821},
            "EMOJI_OR_PICTOGRAPH", new double[] {1.000, 1.000}, "MARKETING", new double[] {0.854, 0.946},
            "REVIEW_REQUEST", new double[] {0.942, 0.970});

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
