package com.deskbridge.intent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiled cues with a hash index on their first element (exact tokens by the token, stems by their first three
 * characters), so that scanning a message costs a few map look-ups per token however large the lexicon is.
 * Scanning is greedy left to right: at each position the longest matching cue wins (ties: more exact tokens
 * rather than stems, then the detected language's cue, then the higher weight) and consumes its tokens. Immutable after construction; thread-safe.
 */
final class Lexicon {
    static final int NEGATION_WINDOW = 3;
    /** Cues of a language other than the detected one count this much. */
    static final double FOREIGN_FACTOR = 0.75;

    private final Map<String, List<Cue>> exact = new HashMap<>();
    private final Map<String, List<Cue>> stems = new HashMap<>();
    private final Map<Language, Set<String>> negators;
    private final Map<Language, Set<String>> clauseBreaks;

    Lexicon(List<Cue> cues, Map<Language, Set<String>> negators, Map<Language, Set<String>> clauseBreaks) {
        for (Cue c : cues) {
            String key = c.headIsStem() ? c.head().substring(0, 3) : c.head();
            (c.headIsStem() ? stems : exact).computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        this.negators = activeByLanguage(negators);
        this.clauseBreaks = activeByLanguage(clauseBreaks);
    }

    /** Per detected language: its words plus English ones (often mixed in); for UNKNOWN, every language's. */
    private static Map<Language, Set<String>> activeByLanguage(Map<Language, Set<String>> byLang) {
        Map<Language, Set<String>> active = new EnumMap<>(Language.class);
        Set<String> all = new HashSet<>();
        byLang.values().forEach(all::addAll);
        for (Language l : Language.values()) {
            Set<String> s = new HashSet<>(byLang.getOrDefault(Language.EN, Set.of()));
            s.addAll(byLang.getOrDefault(l, Set.of()));
            active.put(l, Set.copyOf(l == Language.UNKNOWN ? all : s));
        }
        return active;
    }

    /** Accumulates the cues found in {@code tokens} into {@code scores} (indexed by intent ordinal) and {@code out}. */
    void scan(String field, String[] tokens, double factor, Language detected, double[] scores, Set<Cue> seen,
              List<MatchedCue> out) {
        Set<String> neg = negators.get(detected);
        Set<String> breaks = clauseBreaks.get(detected);
        int i = 0;
        while (i < tokens.length) {
            if (TextNormalizer.BOUNDARY.equals(tokens[i])) {
                i++;
                continue;
            }
            Cue best = null;
            int bestEnd = -1;
            for (List<Cue> candidates : candidates(tokens[i])) {
                for (Cue c : candidates) {
                    int end = c.matchAt(tokens, i);
                    if (end > 0 && better(c, end, best, bestEnd, detected)) {
                        best = c;
                        bestEnd = end;
                    }
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            boolean negated = best.negationSensitive() && negatedAt(tokens, i, neg, breaks);
            record(field, tokens, i, bestEnd, best, negated, factor, detected, scores, seen, out);
            i = bestEnd;
        }
    }

    private List<List<Cue>> candidates(String token) {
        List<Cue> byExact = exact.get(token);
        List<Cue> byStem = token.length() >= 3 ? stems.get(token.substring(0, 3)) : null;
        if (byExact == null) {
            return byStem == null ? List.of() : List.of(byStem);
        }
        return byStem == null ? List.of(byExact) : List.of(byExact, byStem);
    }

    private static boolean better(Cue c, int end, Cue best, int bestEnd, Language detected) {
        if (best == null || end != bestEnd) {
            return best == null || end > bestEnd;
        }
        if (c.exactElements() != best.exactElements()) {
            return c.exactElements() > best.exactElements();
        }
        boolean cNative = c.language() == detected;
        boolean bestNative = best.language() == detected;
        if (cNative != bestNative) {
            return cNative;
        }
        return Math.max(c.weight(), c.negatedWeight()) > Math.max(best.weight(), best.negatedWeight());
    }

    private static boolean negatedAt(String[] tokens, int start, Set<String> neg, Set<String> breaks) {
        for (int k = start - 1; k >= 0 && k >= start - NEGATION_WINDOW; k--) {
            String t = tokens[k];
            if (TextNormalizer.BOUNDARY.equals(t) || breaks.contains(t)) {
                return false;
            }
            if (neg.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static void record(String field, String[] tokens, int start, int end, Cue cue, boolean negated,
                               double factor, Language detected, double[] scores, Set<Cue> seen,
                               List<MatchedCue> out) {
        Intent intent = negated ? cue.negatedIntent() : cue.intent();
        double weight = (negated ? cue.negatedWeight() : cue.weight()) * factor;
        if (intent == null) {
            weight = 0;
        } else if (detected != Language.UNKNOWN && cue.language() != detected) {
            weight *= FOREIGN_FACTOR;
        }
        if (!seen.add(cue) && intent != null) {
            weight = 0;
        }
        if (intent != null && weight > 0) {
            scores[intent.ordinal()] += weight;
        }
        out.add(new MatchedCue(field, cue.source(), String.join(" ", java.util.Arrays.asList(tokens).subList(start, end)),
                cue.language(), weight > 0 ? intent : null, weight, negated));
    }
}
