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
     * marketing and review requests decided by sentence models, trained on the training split after its label audit
     * of 2026-12-08 (corpus/README.md: MARKETING beside another rule judged again by annotators who saw no code and no
     * prediction; the split's own labels audited the same way: MARKETING removed from 11 replies, added to 4). On the
     * audited split the checker before the audit measured decision 0.983, marketing 0.774/0.939 (39 false alarms beside
     * another rule, 10 blocking a reply that may be sent); this one 0.984, marketing 0.878/0.888 (16 and 6), still under
     * the 0.92. The floors are the whole split's figures minus {@link #MARGIN}.
     */
    static final double DECISION = 0.984;
    static final Map<String, Double> DECISION_BY_GROUP = Map.of("en", 1.000, "de", 0.980, "fr", 0.973, "it", 0.987,
            "es", 0.980, "nl", 0.987, "pl", 0.987, "sv", 0.980, "mixed", 0.975);
    static final Map<String, double[]> PRECISION_RECALL_BY_RULE = Map.of(
            "EXTERNAL_LINK", new double[] {1.000, 0.990}, "EMAIL_ADDRESS", new double[] {1.000, 0.984},
            "PHONE_NUMBER", new double[] {0.986, 1.000}, "OFF_AMAZON_CONTACT", new double[] {0.954, 0.874},
            "EMOJI_OR_PICTOGRAPH", new double[] {1.000, 1.000}, "MARKETING", new double[] {0.878, 0.888},
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
