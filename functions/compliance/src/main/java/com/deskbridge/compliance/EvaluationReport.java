package com.deskbridge.compliance;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of checking a labelled corpus: per-rule metrics, the share of messages whose predicted rule set
 * equals the labelled one, and the disagreements ("id: missed [..] extra [..]").
 */
public record EvaluationReport(String name, int total, double exactMatch, List<RuleMetrics> perRule,
                               List<String> errors) {
    public EvaluationReport {
        perRule = List.copyOf(perRule);
        errors = List.copyOf(errors);
    }

    /** The metrics of one rule. */
    public RuleMetrics metrics(RuleId rule) {
        return perRule.stream().filter(m -> m.rule() == rule).findFirst().orElseThrow();
    }

    /** A plain-text table of the per-rule metrics. */
    public String format() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s: %d messages, exact label-set match %.3f%n%-20s %9s %7s %7s %7s %9s%n", name, total, exactMatch,
                "rule", "precision", "recall", "f1", "support", "predicted"));
        for (RuleMetrics m : perRule) {
            sb.append(String.format(Locale.ROOT, "%-20s %9.3f %7.3f %7.3f %7d %9d%n", m.rule(), m.precision(),
                    m.recall(), m.f1(), m.support(), m.predicted()));
        }
        return sb.toString();
    }
}
