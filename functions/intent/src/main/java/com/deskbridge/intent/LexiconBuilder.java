package com.deskbridge.intent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects cues and negators, language by language, and compiles them into a {@link Lexicon}. Phrases are
 * written in natural spelling and normalised with {@link TextNormalizer}; German phrases with umlauts also get
 * their "ae/oe/ue" spelling. Used once, at class initialisation; not thread-safe itself.
 */
final class LexiconBuilder {
    private final List<Cue> cues = new ArrayList<>();
    private final Map<Language, Set<String>> negators = new EnumMap<>(Language.class);
    private final Map<Language, Set<String>> clauseBreaks = new EnumMap<>(Language.class);
    private Language language;

    LexiconBuilder language(Language lang) {
        this.language = lang;
        return this;
    }

    /** Words that negate a following negation-sensitive cue within three tokens. */
    LexiconBuilder negators(String words) {
        negators.computeIfAbsent(language, l -> new HashSet<>()).addAll(List.of(words.split(" ")));
        return this;
    }

    /** Words that end a negation's reach like punctuation does ("but", "aber", "mais", "ma", "pero"). */
    LexiconBuilder clauseBreaks(String words) {
        clauseBreaks.computeIfAbsent(language, l -> new HashSet<>()).addAll(List.of(words.split(" ")));
        return this;
    }

    /** Cues for {@code intent} that count whether or not they are negated. */
    LexiconBuilder always(Intent intent, double weight, String... phrases) {
        return add(intent, weight, false, null, 0, phrases);
    }

    /** Cues for {@code intent} that count only when not negated ("damaged" but not "not damaged"). */
    LexiconBuilder unlessNegated(Intent intent, double weight, String... phrases) {
        return add(intent, weight, true, null, 0, phrases);
    }

    /** Cues that mean nothing alone but {@code intent} when negated ("received" → "not received"). */
    LexiconBuilder whenNegated(Intent intent, double weight, String... phrases) {
        return add(null, 0, true, intent, weight, phrases);
    }

    /** Phrases that only consume their tokens so that shorter cues inside them do not fire. */
    LexiconBuilder neutral(String... phrases) {
        return add(null, 0, false, null, 0, phrases);
    }

    private LexiconBuilder add(Intent intent, double weight, boolean sensitive, Intent negIntent, double negWeight,
                               String... phrases) {
        for (String phrase : phrases) {
            for (String variant : spellings(phrase)) {
                cues.add(compile(variant, phrase, intent, weight, sensitive, negIntent, negWeight));
            }
        }
        return this;
    }

    private static List<String> spellings(String phrase) {
        String alt = phrase.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue");
        return alt.equals(phrase) ? List.of(phrase) : List.of(phrase, alt);
    }

    private Cue compile(String phrase, String source, Intent intent, double weight, boolean sensitive,
                        Intent negIntent, double negWeight) {
        List<String> elements = new ArrayList<>();
        List<Boolean> stems = new ArrayList<>();
        for (String piece : phrase.trim().split(" +")) {
            if (piece.equals(Cue.GAP) || piece.equals(TextNormalizer.NUMBER)) {
                elements.add(piece);
                stems.add(false);
                continue;
            }
            boolean stem = piece.endsWith("*");
            List<String> toks = TextNormalizer.tokens(stem ? piece.substring(0, piece.length() - 1) : piece);
            for (int i = 0; i < toks.size(); i++) {
                elements.add(toks.get(i));
                stems.add(stem && i == toks.size() - 1);
            }
        }
        if (elements.isEmpty() || elements.get(0).equals(Cue.GAP) || elements.get(elements.size() - 1).equals(Cue.GAP)
                || elements.contains(TextNormalizer.BOUNDARY)) {
            throw new IllegalStateException("bad cue: " + phrase);
        }
        for (int i = 0; i < elements.size(); i++) {
            if (stems.get(i) && elements.get(i).length() < 3) {
                throw new IllegalStateException("stem shorter than 3 characters in cue: " + phrase);
            }
        }
        return new Cue(language, source, elements, stems, intent, weight, sensitive, negIntent, negWeight);
    }

    /** The cues compiled so far. */
    List<Cue> cues() {
        return List.copyOf(cues);
    }

    Lexicon build() {
        return new Lexicon(cues, negators, clauseBreaks);
    }
}
