package com.deskbridge.compliance;

import com.deskbridge.intent.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Collects the {@link PhraseCue}s of one language's lexicon. */
final class PhraseLexicon {
    private final List<PhraseCue> cues = new ArrayList<>();

    PhraseLexicon block(RuleId rule, String... regexes) {
        for (String r : regexes) {
            cues.add(new PhraseCue(rule, Severity.BLOCK, r, Set.of()));
        }
        return this;
    }

    PhraseLexicon warn(RuleId rule, String... regexes) {
        for (String r : regexes) {
            cues.add(new PhraseCue(rule, Severity.WARN, r, Set.of()));
        }
        return this;
    }

    /** A cue that only applies to messages in {@code languages} (or of unknown language). */
    PhraseLexicon blockIn(Set<Language> languages, RuleId rule, String regex) {
        cues.add(new PhraseCue(rule, Severity.BLOCK, regex, Set.copyOf(languages)));
        return this;
    }

    List<PhraseCue> cues() {
        return List.copyOf(cues);
    }
}
