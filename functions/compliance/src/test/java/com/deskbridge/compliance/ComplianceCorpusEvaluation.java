package com.deskbridge.compliance;

import com.deskbridge.nlp.testing.Corpora;
import com.deskbridge.nlp.testing.MultiLabelReport;
import com.deskbridge.nlp.testing.ReplyRecord;
import com.deskbridge.nlp.testing.Throughput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a {@link ComplianceChecker} over labelled replies the way the reply route does ({@code OutgoingMessage.of}:
 * no language hint) and measures it ({@link MultiLabelReport}): per rule, the send/block decision, per language
 * group. Used by the frozen-split test and the benchmark; makes no assertions itself.
 */
public final class ComplianceCorpusEvaluation {
    /** The frozen test split, relative to the compliance module. */
    public static final Path TEST_SPLIT = Path.of("corpus", "test");
    /** The training split, relative to the compliance module. */
    public static final Path TRAIN_SPLIT = Path.of("corpus", "train");
    /** The rules a text can break (attachments are covered by unit tests). */
    public static final Set<RuleId> TEXT_RULES = EnumSet.complementOf(
            EnumSet.of(RuleId.ATTACHMENT_TYPE, RuleId.ATTACHMENT_SIZE));

    private ComplianceCorpusEvaluation() {
    }

    /** The frozen test split under {@code module} (the compliance module's directory), after checking SHA256SUMS. */
    public static List<ReplyRecord> testSplit(Path module) {
        Path dir = module.resolve(TEST_SPLIT);
        Corpora.verifyChecksums(dir);
        return Corpora.readDirectory(dir, ReplyRecord.class);
    }

    public static List<String> rules() {
        return TEXT_RULES.stream().map(RuleId::name).toList();
    }

    /** The checker's findings for every record, measured per rule and language group. */
    public static MultiLabelReport evaluate(String name, List<ReplyRecord> records, ComplianceChecker checker) {
        List<MultiLabelReport.Row> rows = new ArrayList<>(records.size());
        for (ReplyRecord r : records) {
            ComplianceReport report = checker.check(OutgoingMessage.of(r.text()));
            Set<String> found = new TreeSet<>();
            report.findings().forEach(f -> found.add(f.rule().name()));
            rows.add(new MultiLabelReport.Row(r.group(), r.rules(), found, report.blocked()));
        }
        return new MultiLabelReport(name, rules(), rows);
    }

    /** Replies checked per second on one thread. */
    public static Throughput throughput(List<ReplyRecord> records, ComplianceChecker checker, int passes) {
        return Throughput.measure(records, passes, r -> checker.check(OutgoingMessage.of(r.text())).findings().size());
    }
}
