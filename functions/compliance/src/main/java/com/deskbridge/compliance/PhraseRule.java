package com.deskbridge.compliance;

import com.deskbridge.intent.Language;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link RuleId#OFF_AMAZON_CONTACT}, {@link RuleId#MARKETING} and {@link RuleId#REVIEW_REQUEST}: the cues of all
 * five language lexicons, compiled once into one alternation per rule, severity and language scope, matched on
 * folded text at word boundaries. All cues apply to every message (templates mix languages), except the few
 * scoped to the languages where the word is unambiguous. Gaps are bounded and their words and separators are
 * disjoint character classes, so a match cannot backtrack catastrophically. A group is only tried where a match can
 * start, and only with the cues that can open there: at a word start whose first two characters can open the cue
 * ({@link StartGate}). That finds exactly what {@code Matcher.find} of the group's alternation over the whole text
 * finds, at a fraction of the cost. Immutable and thread-safe.
 */
final class PhraseRule {
    private static final String SEP = "[\\s'\u2019-]";
    private static final Pattern GAP_MARK = Pattern.compile("~(\\d)");

    /**
     * The cues of one rule, severity and language scope, in lexicon order. Tried cue by cue in that order at a
     * position, they find what their alternation {@code (?<![\p{L}\p{N}])(?:c1|c2|…)(?![\p{L}\p{N}])} finds there
     * (ordered choice, each cue backtracking into the same look-ahead), so only the cues whose gate lets the
     * position's opening through need to be tried.
     */
    record Group(RuleId rule, Severity severity, Set<Language> languages, List<String> cues, StartGate gate) {
        /** The cue patterns' common frame: a cue starts and ends at word boundaries. */
        static String framed(String expandedCues) {
            return "(?<![\\p{L}\\p{N}])(?:" + expandedCues + ")(?![\\p{L}\\p{N}])";
        }
    }

    /** The compiled groups, built once per process (they are immutable) on the first checker. */
    private static final class Compiled {
        static final List<Group> GROUPS = build();
    }

    private final List<Group> groups = Compiled.GROUPS;

    PhraseRule() {
    }

    private static List<Group> build() {
        PhraseLexicon lexicon = new PhraseLexicon();
        CommonPhrases.define(lexicon);
        EnglishPhrases.define(lexicon);
        GermanPhrases.define(lexicon);
        FrenchPhrases.define(lexicon);
        ItalianPhrases.define(lexicon);
        SpanishPhrases.define(lexicon);
        Map<String, List<PhraseCue>> byKey = new LinkedHashMap<>();
        for (PhraseCue c : lexicon.cues()) {
            byKey.computeIfAbsent(c.rule() + "/" + c.severity() + "/" + c.languages(), k -> new ArrayList<>()).add(c);
        }
        List<Group> built = new ArrayList<>();
        for (List<PhraseCue> cues : byKey.values()) {
            List<String> expanded = cues.stream().map(c -> expand(c.regex())).toList();
            Pattern[] patterns = expanded.stream().map(e -> Pattern.compile(Group.framed(e))).toArray(Pattern[]::new);
            PhraseCue first = cues.get(0);
            built.add(new Group(first.rule(), first.severity(), first.languages(), expanded, new StartGate(patterns)));
        }
        return List.copyOf(built);
    }

    /** Turns the lexicon notation (" ", " ?", "~N") into regex syntax. */
    static String expand(String cue) {
        String s = cue.replace(" ?", SEP + "*").replace(" ", SEP + "+");
        Matcher m = GAP_MARK.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String gap = "(?:" + SEP + "+[\\p{L}\\p{N}]+){0," + m.group(1) + "}?" + SEP + "+";
            m.appendReplacement(out, Matcher.quoteReplacement(gap));
        }
        m.appendTail(out);
        return out.toString();
    }

    void scan(FoldedText text, Language language, List<Span> out) {
        String f = text.folded();
        int[] starts = new int[f.length()];
        int[] openings = new int[f.length()];
        int candidates = 0;
        for (int i = 0; i < f.length(); i++) {
            // every group starts with (?<![\p{L}\p{N}]): no match starts right after an ASCII letter or digit
            if (i == 0 || !asciiLetterOrDigit(f.charAt(i - 1))) {
                starts[candidates] = i;
                openings[candidates++] = StartGate.opening(f, i);
            }
        }
        for (Group g : groups) {
            if (!g.languages().isEmpty() && language != Language.UNKNOWN && !g.languages().contains(language)) {
                continue;
            }
            int from = 0;
            Matcher[] matchers = null;
            for (int c = 0; c < candidates; c++) {
                int i = starts[c];
                if (i < from) {
                    continue;
                }
                for (int cue : g.gate().patternsFor(openings[c])) {
                    if (matchers == null) {
                        matchers = new Matcher[g.gate().size()];
                    }
                    Matcher m = matchers[cue];
                    if (m == null) {
                        m = g.gate().pattern(cue).matcher(f).useTransparentBounds(true).useAnchoringBounds(false);
                        matchers[cue] = m;
                    }
                    m.region(i, f.length());
                    if (m.lookingAt()) {
                        out.add(new Span(g.rule(), g.severity(), text.rawStart(m.start()), text.rawEnd(m.end()),
                                Advice.explanation(g.rule(), g.severity()), Advice.alternative(g.rule(), g.severity())));
                        from = Math.max(m.end(), i + 1);
                        break;
                    }
                }
            }
        }
    }

    private static boolean asciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The groups (tests). */
    List<Group> groups() {
        return groups;
    }

    /** Number of compiled groups per rule (for tests and diagnostics). */
    Map<RuleId, Integer> groupCounts() {
        Map<RuleId, Integer> counts = new EnumMap<>(RuleId.class);
        groups.forEach(g -> counts.merge(g.rule(), 1, Integer::sum));
        return counts;
    }
}
