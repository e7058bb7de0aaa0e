package com.deskbridge.intent;

/**
 * The port for language identification: which of the marketplace languages ({@link Language}) a text is in. The
 * adapter is in functions/language (Lingua); only the functions that detect a language carry it, so the jars that
 * merely use {@link Language} (macros, compliance, the API) stay small. Implementations are thread-safe.
 */
@FunctionalInterface
public interface LanguageDetector {
    /** No detection: every text is {@link Language#UNKNOWN} (for code paths that only need the intent). */
    LanguageDetector NONE = text -> Detected.UNKNOWN;

    /** The language of {@code text} ({@code null} allowed), {@link Language#UNKNOWN} when unclear. */
    Detected detect(String text);

    /**
     * A detected language and how clearly it stood out.
     *
     * @param confidence in [0, 1]: 0 when the runner-up language was as likely, towards 1 when it was far behind
     */
    record Detected(Language language, double confidence) {
        public static final Detected UNKNOWN = new Detected(Language.UNKNOWN, 0);
    }
}
