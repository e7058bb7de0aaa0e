package com.deskbridge.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.deskbridge.intent.FeatureCounts;
import com.deskbridge.intent.Language;
import com.deskbridge.intent.LinearModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The learned rules' sentence models ({@link LearnedRules#SENTENCE_MODEL}): trained on what the checker scores. */
class LearnedRulesTest {
    private static final String REPLY = "Hello Kelly,\nyour refund for the returned hiking poles ($54.95) has been issued "
            + "and should reach your card within 5 business days. The poles arrived back in good shape.\n"
            + "Refer a friend and you both get $10 off your next order!\nThanks,\nSummit Gear";

    @Test
    void theTrainerReadsEachSentenceAsTheCheckerScoresIt() {
        Map<RuleId, LinearModel> shipped = new java.util.EnumMap<>(RuleId.class);
        LearnedRules.RULES.forEach(r -> shipped.put(r, LinearModel.resource(LearnedRules.class, LearnedRules.resource(r))));
        List<Span> cues = new ArrayList<>();
        new PhraseRule().scan(new FoldedText(REPLY), Language.UNKNOWN, cues);
        List<FeatureCounts> sentences = new ArrayList<>();
        LearnedRules.sentenceFeatures(REPLY, cues, () -> {
            FeatureCounts c = new FeatureCounts();
            sentences.add(c);
            return c;
        });
        assertThat(sentences).as("greeting and sign-off are not sentences the models score").hasSize(3);
        double[] decision = new LearnedRules(shipped).scores(REPLY, cues);
        for (int r = 0; r < LearnedRules.RULES.size(); r++) {
            LinearModel model = shipped.get(LearnedRules.RULES.get(r));
            double best = 0;
            for (FeatureCounts s : sentences) {
                best = Math.max(best, LinearModel.softmax(model.scoreValues(s.values(ComplianceTrainer.BLOCKS)),
                        model.temperature())[1]);
            }
            if (model.parameters().getOrDefault(LearnedRules.SENTENCE_MODEL, 0.0) > 0) {
                assertThat(decision[r]).as(LearnedRules.RULES.get(r).name()).isCloseTo(best, within(1e-5));
            }
        }
        assertThat(shipped.get(RuleId.MARKETING).parameter(LearnedRules.SENTENCE_MODEL))
                .as("marketing is decided by its most likely sentence").isEqualTo(1.0);
    }

    @Test
    void aMarketingLineAtTheEndOfAHelpfulReplyIsFoundAndSpanned() {
        ComplianceReport report = new ComplianceChecker().check(REPLY);
        assertThat(report.findings()).extracting(Finding::rule).contains(RuleId.MARKETING);
        Finding marketing = report.findings().stream().filter(f -> f.rule() == RuleId.MARKETING).findFirst().orElseThrow();
        assertThat(marketing.matched()).isEqualTo("Refer a friend and you both get $10 off your next order!");
        String helpful = REPLY.replace("Refer a friend and you both get $10 off your next order!\n", "");
        assertThat(new ComplianceChecker().check(helpful).findings()).extracting(Finding::rule)
                .doesNotContain(RuleId.MARKETING);
    }
}
