package com.deskbridge.nlp.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What both reports share: measured rows that each belong to a language group, and their figures overall, for one
 * group, and for every group present (in {@link Corpora#GROUPS} order).
 *
 * @param <R> a measured row
 * @param <F> the figures of a set of rows
 */
abstract class GroupedReport<R extends GroupedReport.Grouped, F> {
    /** A row that belongs to a language group ("en" … "sv", "mixed"). */
    interface Grouped {
        String group();
    }

    private final List<R> rows;

    GroupedReport(List<R> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<R> rows() {
        return rows;
    }

    /** All rows. */
    public F overall() {
        return figures(r -> true);
    }

    /** The rows of one group. */
    public F group(String group) {
        return figures(r -> r.group().equals(group));
    }

    /** The groups that have rows, in {@link Corpora#GROUPS} order. */
    public List<String> groups() {
        return Corpora.GROUPS.stream().filter(g -> rows.stream().anyMatch(r -> r.group().equals(g))).toList();
    }

    /** Per-group figures, keyed by group. */
    public Map<String, F> byGroup() {
        Map<String, F> m = new LinkedHashMap<>();
        groups().forEach(g -> m.put(g, group(g)));
        return m;
    }

    abstract F figures(Predicate<R> filter);
}
