package com.deskbridge.nlp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Multi-label detection measured on a labelled corpus, item level: per rule precision/recall/F1 (a rule counts as
 * predicted for an item when any finding has it), the send/block decision (the item should be blocked when it has
 * any labelled rule; the detector's own decision is compared) with its
 * 2×2 confusion, the share of items whose rule set matches exactly — overall and per language group.
 */
public final class MultiLabelReport extends GroupedReport<MultiLabelReport.Row, MultiLabelReport.Figures> {
    /**
     * One measured item.
     *
     * @param predicted every rule the detector reported (any severity)
     * @param blocked   whether the detector's decision was to block
     */
    public record Row(String group, Set<String> expected, Set<String> predicted, boolean blocked) implements Grouped {
        public Row {
            expected = Set.copyOf(expected);
            predicted = Set.copyOf(predicted);
        }

        public boolean decisionCorrect() {
            return expected.isEmpty() != blocked;
        }
    }

    /**
     * The figures of one set of rows.
     *
     * @param decision {@code decision[expectedBlock ? 1 : 0][predictedBlock ? 1 : 0]}
     */
    public record Figures(int total, double decisionAccuracy, double exactMatch, List<LabelMetrics> perRule,
                          int[][] decision, List<ErrorKinds> errorKinds) {
        public LabelMetrics rule(String rule) {
            return perRule.stream().filter(m -> m.label().equals(rule)).findFirst().orElseThrow();
        }
    }

    /**
     * A rule's errors by what they do to the decision: a false alarm on a reply that may be sent blocks it
     * ({@code alarmsOnSendable}); one on a reply labelled with another rule only names the wrong rule
     * ({@code alarmsBesideOther}); a miss lets the reply out ({@code missesSent}) unless another finding blocks it
     * ({@code missesBlocked}).
     */
    public record ErrorKinds(String rule, int alarmsOnSendable, int alarmsBesideOther, int missesSent,
                             int missesBlocked) {
    }

    private final String name;
    private final List<String> rules;

    public MultiLabelReport(String name, List<String> rules, List<Row> rows) {
        super(rows);
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    @Override
    Figures figures(Predicate<Row> filter) {
        int total = 0;
        int decisionRight = 0;
        int exact = 0;
        int[][] decision = new int[2][2];
        int[] tp = new int[rules.size()];
        int[] predicted = new int[rules.size()];
        int[] support = new int[rules.size()];
        int[][] kinds = new int[rules.size()][4];
        for (Row r : rows()) {
            if (!filter.test(r)) {
                continue;
            }
            total++;
            decision[r.expected().isEmpty() ? 0 : 1][r.blocked() ? 1 : 0]++;
            decisionRight += r.decisionCorrect() ? 1 : 0;
            exact += r.expected().equals(r.predicted()) ? 1 : 0;
            for (int i = 0; i < rules.size(); i++) {
                boolean p = r.predicted().contains(rules.get(i));
                boolean a = r.expected().contains(rules.get(i));
                predicted[i] += p ? 1 : 0;
                support[i] += a ? 1 : 0;
                tp[i] += p && a ? 1 : 0;
                if (p != a) {
                    kinds[i][p ? (r.expected().isEmpty() ? 0 : 1) : (r.blocked() ? 3 : 2)]++;
                }
            }
        }
        List<LabelMetrics> perRule = new ArrayList<>();
        List<ErrorKinds> errorKinds = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            perRule.add(new LabelMetrics(rules.get(i), tp[i], predicted[i], support[i]));
            errorKinds.add(new ErrorKinds(rules.get(i), kinds[i][0], kinds[i][1], kinds[i][2], kinds[i][3]));
        }
        return new Figures(total, total == 0 ? 0 : (double) decisionRight / total,
                total == 0 ? 0 : (double) exact / total, perRule, decision, errorKinds);
    }

    /** The printed tables: overall, per rule, the decision confusion, per group, and per group and rule. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        Figures all = overall();
        sb.append(String.format(Locale.ROOT, "%s: %d replies, send/block decision right %.3f, exact rule set %.3f%n",
                name, all.total(), all.decisionAccuracy(), all.exactMatch()));
        sb.append(String.format(Locale.ROOT, "  decision (rows expected, columns predicted):   send  block%n"
                        + "    send  %36d %6d%n    block %36d %6d%n", all.decision()[0][0], all.decision()[0][1],
                all.decision()[1][0], all.decision()[1][1]));
        sb.append(String.format(Locale.ROOT, "  %-22s %9s %7s %7s %8s %9s%n", "rule", "precision", "recall", "f1",
                "support", "predicted"));
        for (LabelMetrics m : all.perRule()) {
            sb.append(String.format(Locale.ROOT, "  %-22s %9.3f %7.3f %7.3f %8d %9d%n", m.label(), m.precision(),
                    m.recall(), m.f1(), m.support(), m.predicted()));
        }
        sb.append(String.format(Locale.ROOT, "  errors by effect: %-22s %s%n", "false alarms", "misses"));
        sb.append(String.format(Locale.ROOT, "  %-22s %9s %12s %7s %14s%n", "rule", "blocking", "beside other",
                "sent", "blocked anyway"));
        for (ErrorKinds k : all.errorKinds()) {
            sb.append(String.format(Locale.ROOT, "  %-22s %9d %12d %7d %14d%n", k.rule(), k.alarmsOnSendable(),
                    k.alarmsBesideOther(), k.missesSent(), k.missesBlocked()));
        }
        sb.append(String.format(Locale.ROOT, "  %-6s %5s %9s %7s%n", "group", "n", "decision", "exact"));
        byGroup().forEach((g, f) -> sb.append(String.format(Locale.ROOT, "  %-6s %5d %9.3f %7.3f%n", g, f.total(),
                f.decisionAccuracy(), f.exactMatch())));
        sb.append("  precision/recall per group and rule (support in brackets):\n").append(String.format("  %-6s", ""));
        for (String r : rules) {
            sb.append(String.format(Locale.ROOT, " %-16s", r.length() > 16 ? r.substring(0, 16) : r));
        }
        sb.append('\n');
        byGroup().forEach((g, f) -> {
            sb.append(String.format(Locale.ROOT, "  %-6s", g));
            for (LabelMetrics m : f.perRule()) {
                sb.append(m.support() == 0 && m.predicted() == 0 ? String.format(" %-16s", "-")
                        : String.format(Locale.ROOT, " %-16s", String.format(Locale.ROOT, "%.2f/%.2f (%d)",
                        m.precision(), m.recall(), m.support())));
            }
            sb.append('\n');
        });
        return sb.toString();
    }
}
