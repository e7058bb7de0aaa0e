package com.deskbridge.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.nlp.testing.ReplyRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped models block none of the product's own texts (every built-in macro in every language and the
 * closed-hours acknowledgement, corpus/built-in-texts.jsonl, kept in step with the macros by the automation module's
 * BuiltInTextsFixtureTest). The trainer already refuses to ship models that do; this holds the jar to it.
 */
class BuiltInTextsTest {
    @Test
    void noLearnedRuleBlocksABuiltInText() {
        List<ReplyRecord> texts = ComplianceTrainer.builtInTexts(Path.of(""));
        assertThat(texts).hasSizeGreaterThanOrEqualTo(72);
        ComplianceChecker checker = new ComplianceChecker();
        for (ReplyRecord t : texts) {
            assertThat(checker.check(t.text()).findings()).as(t.id()).extracting(Finding::rule)
                    .noneMatch(LearnedRules.RULES::contains);
        }
    }
}
