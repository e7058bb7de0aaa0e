package com.deskbridge.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How agents take the assistant's suggestions, per macro and per intent: shown (a sendable suggestion was on screen
 * while the buyer waited), used (sent as suggested), edited (sent after changes), ignored (the agent answered
 * otherwise). A macro agents keep editing is flagged as a template to fix: at least {@value #MIN_SENDS} sends of
 * which at least half were edited.
 */
public final class Acceptance {
    /** Sends (used + edited) before an edit share says anything about a template. */
    public static final int MIN_SENDS = 5;
    /** The edited share of sends from which a template is flagged. */
    public static final double EDITED_SHARE_TO_FLAG = 0.5;

    /** One counter row: a macro shown for an intent, and what became of it. */
    public record Counts(String macroId, String intent, long shown, long used, long edited, long ignored) {
        public Counts {
            Objects.requireNonNull(macroId, "macroId");
            Objects.requireNonNull(intent, "intent");
        }

        Counts plus(Counts o) {
            return new Counts(macroId, intent, shown + o.shown, used + o.used, edited + o.edited, ignored + o.ignored);
        }
    }

    /**
     * Totals of one macro or one intent.
     *
     * @param acceptedShare (used + edited) / shown; null when nothing was shown
     * @param editedShare   edited / (used + edited); null before any send
     * @param fixTemplate   agents keep editing this macro: its text should change
     */
    public record Line(String key, long shown, long used, long edited, long ignored, Double acceptedShare,
                       Double editedShare, boolean fixTemplate) {
    }

    /** The report: by macro and by intent, highest use first. */
    public record Report(List<Line> byMacro, List<Line> byIntent, Line overall) {
    }

    private Acceptance() {
    }

    public static Report report(List<Counts> rows) {
        List<Line> byMacro = group(rows, Counts::macroId, true);
        List<Line> byIntent = group(rows, Counts::intent, false);
        Counts all = rows.stream().reduce(new Counts("*", "*", 0, 0, 0, 0), Counts::plus);
        return new Report(byMacro, byIntent, line("all", all, false));
    }

    private static List<Line> group(List<Counts> rows, Function<Counts, String> key, boolean flag) {
        Map<String, Counts> totals = new TreeMap<>();
        for (Counts c : rows) {
            totals.merge(key.apply(c), c, Counts::plus);
        }
        List<Line> lines = new ArrayList<>();
        totals.forEach((k, c) -> lines.add(line(k, c, flag)));
        lines.sort(Comparator.comparingLong((Line l) -> l.used() + l.edited()).reversed().thenComparing(Line::key));
        return lines;
    }

    private static Line line(String key, Counts c, boolean flag) {
        long sends = c.used() + c.edited();
        Double accepted = c.shown() == 0 ? null : round((double) sends / c.shown());
        Double edited = sends == 0 ? null : round((double) c.edited() / sends);
        boolean fix = flag && sends >= MIN_SENDS && edited != null && edited >= EDITED_SHARE_TO_FLAG;
        return new Line(key, c.shown(), c.used(), c.edited(), c.ignored(), accepted, edited, fix);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
