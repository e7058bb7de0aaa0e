package com.deskbridge.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.ReplyRecord;
import com.deskbridge.nlp.testing.Throughput;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the compliance checker costs on one thread, as ratios against a baseline measured in the same run (the
 * text folding every check starts with): messages per second on the training replies, and the adversarial inputs
 * of {@link ComplianceCheckerTest} (patterns built to backtrack) per character against ordinary replies per
 * character. Prints; asserts nothing about time. Run with
 * {@code mvn -B -pl functions/compliance -am verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=ComplianceBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class ComplianceBenchmarkTest {
    private static final ComplianceChecker CHECKER = new ComplianceChecker();
    private static final List<String> ADVERSARIAL = List.of("a.".repeat(10_000), "a".repeat(19_999) + "@",
            "1 ".repeat(10_000), "leave ".repeat(3_000), "x@".repeat(10_000), "a-".repeat(10_000),
            "😀".repeat(10_000), "www.".repeat(5_000), "(at) ".repeat(4_000));

    @Test
    void printsMessagesPerSecondAgainstTheFoldingBaseline() {
        List<String> replies = Corpora.readDirectory(ComplianceCorpusEvaluation.TRAIN_SPLIT, ReplyRecord.class).stream()
                .map(ReplyRecord::text).toList();
        Throughput.measure(replies, 3, t -> CHECKER.check(t).findings().size()); // warm-up
        Throughput baseline = Throughput.measure(replies, 10, t -> new FoldedText(t).folded().length());
        Throughput checker = Throughput.measure(replies, 10, t -> CHECKER.check(t).findings().size());
        System.out.printf(Locale.ROOT, "[benchmark] compliance checker, one thread, %d training replies x 10: "
                        + "%.0f messages/s (%.1f µs each; target >= 5,000/s: %s); baseline (folding the text only) "
                        + "%.0f/s; checker/baseline time ratio %.1fx%n", replies.size(), checker.perSecond(),
                checker.microsPerItem(), checker.perSecond() >= 5_000 ? "met" : "NOT met", baseline.perSecond(),
                checker.nanos() / (double) baseline.nanos() * baseline.items() / checker.items());
        assertThat(checker.items()).isEqualTo(10L * replies.size());
    }

    @Test
    void printsAdversarialCostPerCharacterAgainstOrdinaryReplies() {
        List<String> replies = Corpora.readDirectory(ComplianceCorpusEvaluation.TRAIN_SPLIT, ReplyRecord.class).stream()
                .map(ReplyRecord::text).toList();
        long ordinaryChars = replies.stream().mapToLong(String::length).sum();
        long adversarialChars = ADVERSARIAL.stream().mapToLong(String::length).sum();
        Throughput.measure(ADVERSARIAL, 1, t -> CHECKER.check(t).findings().size()); // warm-up
        Throughput.measure(replies, 2, t -> CHECKER.check(t).findings().size());
        Throughput ordinary = Throughput.measure(replies, 5, t -> CHECKER.check(t).findings().size());
        Throughput adversarial = Throughput.measure(ADVERSARIAL, 3, t -> CHECKER.check(t).findings().size());
        double ordinaryPerChar = ordinary.nanos() / (5.0 * ordinaryChars);
        double adversarialPerChar = adversarial.nanos() / (3.0 * adversarialChars);
        System.out.printf(Locale.ROOT, "[benchmark] compliance checker on %d adversarial inputs (%d characters): "
                        + "%.1f ms for all; %.0f ns per character against %.0f ns per character of ordinary replies "
                        + "(ratio %.1fx)%n", ADVERSARIAL.size(), adversarialChars, adversarial.nanos() / 3e6,
                adversarialPerChar, ordinaryPerChar, adversarialPerChar / ordinaryPerChar);
        assertThat(adversarial.items()).isEqualTo(3L * ADVERSARIAL.size());
    }
}
