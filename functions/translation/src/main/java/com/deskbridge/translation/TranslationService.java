package com.deskbridge.translation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Translates buyer messages for agents and agents' replies for buyers (issue 15), through a {@link Translator}:
 * <ul>
 * <li>only for sellers who switched translation on ({@code enabledFor}, off by default): everyone else gets the text
 *     back untranslated, and no character is billed;</li>
 * <li>a text already in the target language is not sent;</li>
 * <li>texts longer than {@link Translator#MAX_BYTES} are cut at paragraph, then sentence, then word boundaries into
 *     pieces that fit, translated one by one and joined with the original separators; the result counts as
 *     translated only when every piece was.</li>
 * </ul>
 */
public final class TranslationService {

    private final Translator translator;
    private final Predicate<String> enabledFor;
    private final int maxBytes;

    public TranslationService(Translator translator, Predicate<String> enabledFor) {
        this(translator, enabledFor, Translator.MAX_BYTES);
    }

    /** With a smaller piece size (tests). */
    TranslationService(Translator translator, Predicate<String> enabledFor, int maxBytes) {
        this.translator = Objects.requireNonNull(translator);
        this.enabledFor = Objects.requireNonNull(enabledFor);
        if (maxBytes < 16) {
            throw new IllegalArgumentException("pieces must allow at least 16 bytes");
        }
        this.maxBytes = maxBytes;
    }

    /**
     * @param sourceLanguage the detected language of {@code text} (ISO 639-1), or null when unknown
     * @throws TranslationUnavailableException when the engine failed for a piece (nothing partial is returned)
     */
    public Translation translate(String sellerId, String text, String sourceLanguage, String targetLanguage) {
        Objects.requireNonNull(text, "text");
        String target = normalise(Objects.requireNonNull(targetLanguage, "targetLanguage"));
        String source = sourceLanguage == null || sourceLanguage.isBlank() ? null : normalise(sourceLanguage);
        if (!enabledFor.test(sellerId)) {
            return Translation.untranslated(text, source, target, "translation is switched off for this seller", 0);
        }
        if (text.isBlank()) {
            return Translation.untranslated(text, source, target, "nothing to translate", 0);
        }
        if (target.equals(source)) {
            return Translation.untranslated(text, source, target, "already in " + target, 0);
        }
        List<String> pieces = split(text, maxBytes);
        StringBuilder out = new StringBuilder(text.length());
        boolean all = true;
        String note = null;
        String detected = source;
        long billed = 0;
        for (String piece : pieces) {
            if (piece.isBlank()) {
                out.append(piece);
                continue;
            }
            String core = piece.strip();
            int lead = piece.indexOf(core);
            Translation t = translator.translate(core, source, target);
            billed += t.billedCharacters();
            out.append(piece, 0, lead).append(t.text()).append(piece.substring(lead + core.length()));
            if (detected == null) {
                detected = t.sourceLanguage();
            }
            if (!t.translated()) {
                all = false;
                note = note == null ? t.note() : note;
            }
        }
        // when any piece was not translated the agent gets the untouched original, never a half-translated mix
        return new Translation(all ? out.toString() : text, detected, target, all, all ? null : note, billed);
    }

    static String normalise(String language) {
        return language.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Splits {@code text} into consecutive pieces of at most {@code maxBytes} UTF-8 bytes whose concatenation is the
     * text: at paragraph breaks where possible, else after sentence ends, else at spaces, else between characters
     * (never inside a surrogate pair).
     */
    static List<String> split(String text, int maxBytes) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = fit(text, start, maxBytes);
            if (end < text.length()) {
                end = boundary(text, start, end);
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }

    /** The largest end such that text[start, end) is at most maxBytes of UTF-8. */
    private static int fit(String text, int start, int maxBytes) {
        int bytes = 0;
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return i;
    }

    private static int boundary(String text, int start, int end) {
        String window = text.substring(start, end);
        int cut = window.lastIndexOf("\n\n");
        if (cut > 0) {
            return start + cut + 2;
        }
        cut = Math.max(window.lastIndexOf('\n'), Math.max(lastSentenceEnd(window), -1));
        if (cut > 0) {
            return start + cut + 1;
        }
        cut = window.lastIndexOf(' ');
        if (cut > 0) {
            return start + cut + 1;
        }
        return end;
    }

    private static int lastSentenceEnd(String window) {
        for (int i = window.length() - 2; i > 0; i--) {
            char c = window.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '。') && Character.isWhitespace(window.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }
}
