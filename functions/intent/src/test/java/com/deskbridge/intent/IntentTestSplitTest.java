package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.nlp.testing.ClassificationReport;
import com.deskbridge.nlp.testing.IntentRecord;
import com.deskbridge.nlp.testing.LabelMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The frozen test split (corpus/test: written independently to LABELLING.md, pinned by SHA256SUMS, never used for
 * training or tuning) held to floors: what the shipped model measured on it when it was last changed, minus 0.02
 * (overall, per language with at least {@value #MIN_GROUP} messages, per intent). Prints the tables. A change
 * that lowers a figure below its floor fails here; a retrained model that is better should raise the floors.
 */
class IntentTestSplitTest {
    static final int MIN_GROUP = 80;
    static final double MARGIN = 0.02;

    /**
     * Measured on the frozen split (README "Language models"); a figure the model of this commit (trained with r12,
     * r13, r17, r18 and r21 added) measured lower than the previous model is left at the previous one (floors never go
     * down): the share needing triage (0.041 before, 0.051 now), mixed-language macro-F1 (0.963, 0.956 now) and
     * POSITIVE_FEEDBACK's F1 (0.952, 0.951 now).
     */
    static final double ACCURACY = 0.926;
    static final double MACRO_F1 = 0.925;
    static final double TRIAGED_AT_MOST = 0.041;
    static final double ACCURACY_ANSWERED = 0.951;
    static final Map<String, Double> MACRO_F1_BY_GROUP = Map.of("en", 0.925, "de", 0.925, "fr", 0.924, "it", 0.903,
            "es", 0.894, "nl", 0.944, "pl", 0.930, "sv", 0.932, "mixed", 0.963);
    static final Map<String, Double> F1_BY_INTENT = Map.of("WHERE_IS_MY_ORDER", 0.908, "DELIVERY_PROBLEM", 0.925,
            "REFUND_REQUEST", 0.946, "CANCELLATION_REQUEST", 0.981, "RETURN", 0.908, "DAMAGED_ITEM", 0.894,
            "PRODUCT_QUESTION", 0.950, "POSITIVE_FEEDBACK", 0.952, "OTHER", 0.865);

    @Test
    void frozenSplitMeetsItsFloors() {
        List<IntentRecord> split = IntentCorpusEvaluation.testSplit(Path.of(""));
        IntentClassifier classifier = new IntentClassifier(LanguageDetector.NONE); // language: LanguageTestSplitTest
        ClassificationReport intents = IntentCorpusEvaluation.intents("intent, frozen test split", split, classifier);
        System.out.println(intents.format());

        ClassificationReport.Figures all = intents.overall();
        assertThat(all.total()).isEqualTo(split.size());
        assertThat(all.accuracy()).as("accuracy").isGreaterThanOrEqualTo(ACCURACY - MARGIN);
        assertThat(all.macroF1()).as("macro-F1").isGreaterThanOrEqualTo(MACRO_F1 - MARGIN);
        assertThat(all.abstainedShare()).as("share needing triage").isLessThanOrEqualTo(TRIAGED_AT_MOST + MARGIN);
        assertThat(all.accuracyAnswered()).as("accuracy without triage").isGreaterThanOrEqualTo(ACCURACY_ANSWERED - MARGIN);
        intents.byGroup().forEach((group, f) -> {
            if (f.total() >= MIN_GROUP) {
                assertThat(f.macroF1()).as("macro-F1 of %s", group)
                        .isGreaterThanOrEqualTo(MACRO_F1_BY_GROUP.get(group) - MARGIN);
            }
        });
        for (LabelMetrics m : all.perLabel()) {
            assertThat(m.f1()).as("F1 of %s", m.label()).isGreaterThanOrEqualTo(F1_BY_INTENT.get(m.label()) - MARGIN);
        }
    }
}
