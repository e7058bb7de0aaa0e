package com.deskbridge.translation;

import java.util.Objects;

/**
 * A text in the target language, or the source text with the reason it was not translated.
 *
 * @param text              the translation, or the source text when {@code translated} is false
 * @param sourceLanguage    the language the engine read (detected or given), null when unknown
 * @param targetLanguage    the language asked for
 * @param translated        whether {@code text} is a machine translation; false means the agent sees the original
 * @param note              why the text was not translated (null when it was)
 * @param billedCharacters  characters sent to the engine (Amazon Translate bills per character)
 */
public record Translation(String text, String sourceLanguage, String targetLanguage, boolean translated, String note,
                          long billedCharacters) {

    public Translation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(targetLanguage, "targetLanguage");
        if (!translated && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("an untranslated text says why");
        }
    }

    public static Translation untranslated(String text, String sourceLanguage, String targetLanguage, String note,
                                           long billedCharacters) {
        return new Translation(text, sourceLanguage, targetLanguage, false, note, billedCharacters);
    }
}
