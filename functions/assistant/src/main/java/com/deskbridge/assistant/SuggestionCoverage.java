package com.deskbridge.assistant;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Suggestion coverage: the share of tickets with at least one {@link Sendable sendable} suggestion, per intent and
 * overall (issue 13's measure of the assistant). Tally tickets with {@link #add}, read {@link #share} or the table.
 */
public final class SuggestionCoverage {
    private final Map<String, long[]> byIntent = new TreeMap<>();

    /** One ticket of {@code intent} (null: not classified) and whether any of its suggestions was sendable. */
    public void add(String intent, boolean anySendable) {
        long[] c = byIntent.computeIfAbsent(intent == null ? "NONE" : intent, k -> new long[2]);
        c[0]++;
        if (anySendable) {
            c[1]++;
        }
    }

    public long tickets(String intent) {
        return byIntent.getOrDefault(intent, new long[2])[0];
    }

    /** Share of the intent's tickets with a sendable suggestion; 0 without tickets. */
    public double share(String intent) {
        long[] c = byIntent.getOrDefault(intent, new long[2]);
        return c[0] == 0 ? 0 : (double) c[1] / c[0];
    }

    /** Share over every ticket tallied. */
    public double overall() {
        long n = 0;
        long s = 0;
        for (long[] c : byIntent.values()) {
            n += c[0];
            s += c[1];
        }
        return n == 0 ? 0 : (double) s / n;
    }

    /** A plain-text table: intent, tickets, with a sendable suggestion, share; then all intents together. */
    public String table(String title) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format(Locale.ROOT, "%-22s %8s %9s %7s%n", "intent", "tickets", "sendable", "share"));
        long n = 0;
        long s = 0;
        for (Map.Entry<String, long[]> e : byIntent.entrySet()) {
            long[] c = e.getValue();
            n += c[0];
            s += c[1];
            out.append(String.format(Locale.ROOT, "%-22s %8d %9d %6.1f%%%n", e.getKey(), c[0], c[1], 100.0 * c[1] / c[0]));
        }
        out.append(String.format(Locale.ROOT, "%-22s %8d %9d %6.1f%%%n", "all", n, s, n == 0 ? 0 : 100.0 * s / n));
        return out.toString();
    }
}
