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
     * Measured on the frozen split with the models and detectors of this commit (README "Language models"): r33 to
     * r35 and r39 to r41 in training (marketing and review-request look-alikes, off-Amazon contact in words, lexical
     * look-alikes), the phone detector's line breaks and references. The split grew on 2026-12-07 by t5 and t6 (520
     * replies; the checker before them decided 0.927 right) and in a second session by t7 (260, briefed without the
     * training writers' briefs; the checker before it decided 0.985 right). The floors are the whole split's figures
     * (1,280 replies); the checker before this commit measured decision 0.974, marketing 0.856/0.898, review requests
     * 0.926/0.948 and off-Amazon contact 0.974/0.774 on it. Marketing precision fell (0.856 -> 0.833) as its recall
     * rose (0.898 -> 0.962): a threshold for 0.9 precision on held-out replies cost more recall than it gained in
     * writer-fold cross-validation (decision 0.921 -> 0.909).
     */
    static final double DECISION = 0.980;
    static final Map<String, Double> DECISION_BY_GROUP = Map.of("en", 0.993, "de", 1.000, "fr", 0.980, "it", 0.987,
            "es", 0.987, "nl", 0.980, "pl", 0.947, "sv", 0.967, "mixed", 0.988);
    static final Map<String, double[]> PRECISION_RECALL_BY_RULE = Map.of(
            "EXTERNAL_LINK", new double[] {1.000, 0.990}, "EMAIL_ADDRESS", new double[] {1.000, 0.984},
            "PHONE_NUMBER", new double[] {0.986, 1.000}, "OFF_AMAZON_CONTACT", new double[] {0.960, 0.874},
            "EMOJI_OR_PICTOGRAPH", new double[] {1.000, 1.000}, "MARKETING", new double[] {0.833, 0.962},
            "REVIEW_REQUEST", new double[] {0.954, 0.965});

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
