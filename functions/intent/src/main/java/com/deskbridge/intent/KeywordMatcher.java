package com.deskbridge.intent;

import java.util.ArrayList;
import java.util.List;

/**
 * Whole-word phrase matching on normalised tokens (see {@link TextNormalizer}); a trailing "*" on a word makes
 * it a stem. Linear in the text per phrase; immutable.
 */
final class KeywordMatcher {
    private final String tag;
    private final List<Cue> phrases = new ArrayList<>();

    KeywordMatcher(String tag, String... phrases) {
        this.tag = tag;
        LexiconBuilder b = new LexiconBuilder().language(Language.UNKNOWN);
        b.neutral(phrases);
        this.phrases.addAll(b.cues());
    }

    String tag() {
        return tag;
    }

    boolean matches(String[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            for (Cue c : phrases) {
                if (c.matchAt(tokens, i) > i) {
                    return true;
                }
            }
        }
        return false;
    }
}
