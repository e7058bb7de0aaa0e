package com.deskbridge.intent;

import java.util.List;
import java.util.Set;

/**
 * The sparse features the learned models read, hashed to 64-bit keys without building strings: character n-grams
 * (3 to 5 characters of each word, with word-boundary marks, so that "zugestellt", "zugestelld" and "zugestelt"
 * share most of their features and the models carry across typos, inflections and related languages), words,
 * word pairs within a clause, words of the subject, and words in the scope of a negation ("nicht erhalten", "pas
 * reçu", "niet ontvangen", "nie dotarła", "inte kommit": up to three words after a negator in the same clause).
 * Input is {@link TextNormalizer} tokens (case and accents folded, numbers as {@value TextNormalizer#NUMBER},
 * clause boundaries as {@value TextNormalizer#BOUNDARY}). Every occurrence is reported once to the {@link Sink}
 * with its block; the model scales each block by its weight over the square root of the block's occurrences
 * ({@link LinearModel}). Stateless and thread-safe.
 */
public final class TextFeatures {
    /** The feature blocks, each with its own key space and length normalisation. */
    public enum Block {
        CHARS, WORDS, PAIRS, SUBJECT, NEGATED, CUES
    }

    /** Receives every feature occurrence. */
    @FunctionalInterface
    public interface Sink {
        void add(Block block, long key);

        /** Told before the features of body token {@code index} (of the list given to {@link #extractBody}). */
        default void token(int index) {
        }
    }

    static final int MIN_N = 3;
    static final int MAX_N = 5;
    /** Words longer than this (URLs, codes run together) give no character n-grams. */
    static final int MAX_WORD = 30;
    static final int NEGATION_SCOPE = 3;

    /** Negators of the eight languages, folded. */
    static final Set<String> NEGATORS = Set.of(
            "not", "no", "never", "nothing", "nobody", "didnt", "doesnt", "dont", "havent", "hasnt", "wasnt", "isnt",
            "cant", "cannot", "wont", "t", "nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals", "nichts",
            "pas", "jamais", "rien", "aucun", "aucune", "non", "mai", "niente", "nessun", "nessuno", "nunca", "nada",
            "ningun", "ninguna", "niet", "geen", "nooit", "niets", "nikt", "nic", "zadnej", "zadnego", "brak", "inte",
            "ej", "aldrig", "inget", "ingen", "inga", "ingenting");

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TextFeatures() {
    }

    /** Reports the features of a message's subject and body tokens. */
    public static void extract(List<String> subject, List<String> body, Sink sink) {
        for (String t : subject) {
            if (!TextNormalizer.BOUNDARY.equals(t)) {
                sink.add(Block.SUBJECT, word(Block.SUBJECT, t));
            }
        }
        extractBody(body, sink);
    }

    /** The key of a named feature of {@code block} (e.g. a lexicon cue). */
    public static long named(Block block, String name) {
        return word(block, name);
    }

    /** Reports the features of body tokens alone (the compliance detector's sentences). */
    public static void extractBody(List<String> tokens, Sink sink) {
        long previous = 0;
        int negationLeft = 0;
        for (int k = 0; k < tokens.size(); k++) {
            String t = tokens.get(k);
            if (TextNormalizer.BOUNDARY.equals(t)) {
                previous = 0;
                negationLeft = 0;
                continue;
            }
            sink.token(k);
            long w = word(Block.WORDS, t);
            sink.add(Block.WORDS, w);
            if (previous != 0) {
                sink.add(Block.PAIRS, mix(previous * 31 + w));
            }
            previous = w;
            if (negationLeft > 0) {
                sink.add(Block.NEGATED, word(Block.NEGATED, t));
                negationLeft--;
            }
            if (NEGATORS.contains(t)) {
                negationLeft = NEGATION_SCOPE;
            }
            if (!TextNormalizer.NUMBER.equals(t) && t.length() <= MAX_WORD) {
                charGrams(t, sink);
            }
        }
    }

    /** Character n-grams of "^word$". */
    private static void charGrams(String word, Sink sink) {
        int len = word.length() + 2;
        for (int start = 0; start < len; start++) {
            long h = FNV_OFFSET ^ Block.CHARS.ordinal();
            for (int n = 1; n <= MAX_N && start + n <= len; n++) {
                h = (h ^ at(word, start + n - 1)) * FNV_PRIME;
                if (n >= MIN_N) {
                    sink.add(Block.CHARS, mix(h + n));
                }
            }
        }
    }

    private static char at(String word, int paddedIndex) {
        if (paddedIndex == 0) {
            return '^';
        }
        return paddedIndex == word.length() + 1 ? '$' : word.charAt(paddedIndex - 1);
    }

    private static long word(Block block, String token) {
        long h = FNV_OFFSET ^ (block.ordinal() + 1L) * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < token.length(); i++) {
            h = (h ^ token.charAt(i)) * FNV_PRIME;
        }
        return mix(h);
    }

    /** A 64-bit finaliser (MurmurHash3's fmix64): spreads the bits for the open-addressing index. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
