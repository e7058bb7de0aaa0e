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

    /** The note of an answer from the local Amazon Translate stand-in, which cannot translate. */
    public static final String STAND_IN_NOTE = "not translated: the local Amazon Translate stand-in cannot translate";

    /** Whether this text was left untranslated by the local stand-in (the console says "not translated (local stand-in)"). */
    public boolean fromStandIn() {
        return !translated && STAND_IN_NOTE.equals(note);
    }

    /**
     * Judges an engine's answer (Amazon Translate's TranslateText response, whatever the wire protocol): a translation
     * only when the engine says the text is now in the requested language and that language differs from the one it
     * read; otherwise the source text, untranslated, with the reason.
     *
     * @param readLanguage     the engine's {@code SourceLanguageCode} (the language it read)
     * @param answeredLanguage the engine's {@code TargetLanguageCode} (the language its text is in)
     * @param standIn          the answer carried the local stand-in's "untranslated" mark
     */
    public static Translation fromEngine(String sourceText, String targetLanguage, String readLanguage,
                                         String answeredLanguage, String translatedText, boolean standIn,
                                         long billedCharacters) {
        String read = readLanguage == null || readLanguage.equalsIgnoreCase("auto") ? null
                : readLanguage.toLowerCase(java.util.Locale.ROOT);
        boolean translated = translatedText != null && answeredLanguage != null
                && answeredLanguage.equalsIgnoreCase(targetLanguage)
                && (read == null || !read.equalsIgnoreCase(answeredLanguage));
        if (translated) {
            return new Translation(translatedText, read, targetLanguage, true, null, billedCharacters);
        }
        String note;
        if (standIn) {
            note = STAND_IN_NOTE;
        } else if (read != null && read.equalsIgnoreCase(targetLanguage)) {
            note = "already in " + targetLanguage.toLowerCase(java.util.Locale.ROOT);
        } else {
            note = "Amazon Translate answered in " + answeredLanguage + ", not " + targetLanguage;
        }
        return untranslated(sourceText, read, targetLanguage, note, billedCharacters);
    }

    public static Translation untranslated(String text, String sourceLanguage, String targetLanguage, String note,
                                           long billedCharacters) {
        return new Translation(text, sourceLanguage, targetLanguage, false, note, billedCharacters);
    }
}
