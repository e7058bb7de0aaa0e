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
 * disjoint character classes, so a match cannot backtrack catastrophically. Immutable and thread-safe.
 */
final class PhraseRule {
    private static final String SEP = "[\\s'\u2019-]";
    private static final Pattern GAP_MARK = Pattern.compile("~(\\d)");

    private record Group(RuleId rule, Severity severity, Set<Language> languages, Pattern pattern) {
    }

    private final List<Group> groups;

    PhraseRule() {
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
            StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
            for (int i = 0; i < cues.size(); i++) {
                re.append(i == 0 ? "" : "|").append("(?:").append(expand(cues.get(i).regex())).append(')');
            }
            re.append(")(?![\\p{L}\\p{N}])");
            PhraseCue first = cues.get(0);
            built.add(new Group(first.rule(), first.severity(), first.languages(), Pattern.compile(re.toString())));
        }
        this.groups = List.copyOf(built);
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
        for (Group g : groups) {
            if (!g.languages().isEmpty() && language != Language.UNKNOWN && !g.languages().contains(language)) {
                continue;
            }
            Matcher m = g.pattern().matcher(f);
            while (m.find()) {
                out.add(new Span(g.rule(), g.severity(), text.rawStart(m.start()), text.rawEnd(m.end()),
                        Advice.explanation(g.rule(), g.severity()), Advice.alternative(g.rule(), g.severity())));
            }
        }
    }

    /** Number of compiled groups per rule (for tests and diagnostics). */
    Map<RuleId, Integer> groupCounts() {
        Map<RuleId, Integer> counts = new EnumMap<>(RuleId.class);
        groups.forEach(g -> counts.merge(g.rule(), 1, Integer::sum));
        return counts;
    }
}
