package com.deskbridge.compliance;

import com.deskbridge.intent.Throughput;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Measures a {@link ComplianceChecker} against a labelled corpus, message-level and multi-label: a rule counts as
 * predicted for a message when any finding (BLOCK or WARN) has that rule. Per rule: precision, recall, F1 and
 * support; and throughput. Only the text rules are in the corpus (attachments are covered by unit tests). Makes
 * no assertions itself; thread-safe.
 */
public final class ComplianceEvaluation {
    /** The rules a text corpus can label. */
    public static final Set<RuleId> TEXT_RULES = EnumSet.complementOf(
            EnumSet.of(RuleId.ATTACHMENT_TYPE, RuleId.ATTACHMENT_SIZE));

    private final ComplianceChecker checker;

    public ComplianceEvaluation(ComplianceChecker checker) {
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /** The rules the checker predicts for one entry. */
    public Set<RuleId> predict(CorpusEntry e) {
        EnumSet<RuleId> rules = EnumSet.noneOf(RuleId.class);
        checker.check(new OutgoingMessage(e.text(), null, List.of(), e.language())).findings()
                .forEach(f -> rules.add(f.rule()));
        return rules;
    }

    /** Evaluates the entries that pass {@code filter}. */
    public EvaluationReport evaluate(String name, List<CorpusEntry> entries, Predicate<CorpusEntry> filter) {
        int n = RuleId.values().length;
        int[] tp = new int[n];
        int[] predicted = new int[n];
        int[] support = new int[n];
        List<String> errors = new ArrayList<>();
        int total = 0;
        int exact = 0;
        for (CorpusEntry e : entries) {
            if (!filter.test(e)) {
                continue;
            }
            total++;
            Set<RuleId> got = predict(e);
            for (RuleId r : RuleId.values()) {
                boolean p = got.contains(r);
                boolean a = e.violations().contains(r);
                predicted[r.ordinal()] += p ? 1 : 0;
                support[r.ordinal()] += a ? 1 : 0;
                tp[r.ordinal()] += p && a ? 1 : 0;
            }
            if (got.equals(e.violations())) {
                exact++;
            } else {
                Set<RuleId> missed = EnumSet.noneOf(RuleId.class);
                missed.addAll(e.violations());
                missed.removeAll(got);
                Set<RuleId> extra = EnumSet.noneOf(RuleId.class);
                extra.addAll(got);
                extra.removeAll(e.violations());
                errors.add(e.id() + ": missed " + missed + " extra " + extra);
            }
        }
        List<RuleMetrics> metrics = new ArrayList<>();
        for (RuleId r : TEXT_RULES) {
            metrics.add(RuleMetrics.of(r, tp[r.ordinal()], predicted[r.ordinal()], support[r.ordinal()]));
        }
        return new EvaluationReport(name, total, total == 0 ? 0 : (double) exact / total, metrics, errors);
    }

    /** Evaluates all entries. */
    public EvaluationReport evaluate(String name, List<CorpusEntry> entries) {
        return evaluate(name, entries, e -> true);
    }

    /** Checks every entry {@code passes} times, single-threaded, after one untimed warm-up pass. */
    public Throughput throughput(List<CorpusEntry> entries, int passes) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1");
        }
        long sink = 0;
        for (CorpusEntry e : entries) {
            sink += predict(e).size();
        }
        long start = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (CorpusEntry e : entries) {
                sink += checker.check(OutgoingMessage.of(e.text())).findings().size();
            }
        }
        long nanos = System.nanoTime() - start;
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException("unreachable: keeps the work observable");
        }
        return new Throughput((long) passes * entries.size(), nanos);
    }
}
