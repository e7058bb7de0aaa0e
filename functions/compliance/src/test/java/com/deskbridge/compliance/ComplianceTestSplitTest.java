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
     * Measured on the frozen split with the models and detectors of this commit (README "Language models"): r22 in
     * training, signature lines under a sign-off and short quotations not read by the models. The split grew on
     * 2026-12-07 by 520 replies of two new writers (t5, t6), on which the checker before decided 0.927 right (marketing
     * 0.757/0.697); the floors are the whole split's figures (1,020 replies). Without the quotation blanking (which
     * keeps a product's name from blocking a built-in macro) the same models measured decision 0.973, marketing
     * 0.878/0.867 and review requests 0.927/0.934; off-Amazon contact recall was 0.821 on the first part before the
     * retrained model raised its threshold.
     */
    static final double DECISION = 0.972;
    static final Map<String, Double> DECISION_BY_GROUP = Map.of("en", 0.967, "de", 0.992, "fr", 0.983, "it", 0.975,
            "es", 0.975, "nl", 0.975, "pl", 0.942, "sv", 0.950, "mixed", 1.000);
    static final Map<String, double[]> PRECISION_RECALL_BY_RULE = Map.of(
            "EXTERNAL_LINK", new double[] {1.000, 1.000}, "EMAIL_ADDRESS", new double[] {1.000, 1.000},
            "PHONE_NUMBER", new double[] {0.984, 1.000}, "OFF_AMAZON_CONTACT", new double[] {0.965, 0.753},
            "EMOJI_OR_PICTOGRAPH", new double[] {1.000, 1.000}, "MARKETING", new double[] {0.859, 0.893},
            "REVIEW_REQUEST", new double[] {0.914, 0.941});

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
