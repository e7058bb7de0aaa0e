package com.deskbridge.translation;

/**
 * Port: machine translation of one text of at most {@link #MAX_BYTES} UTF-8 bytes (Amazon Translate's TranslateText
 * limit, https://docs.aws.amazon.com/translate/latest/APIReference/API_TranslateText.html). Adapters never pretend:
 * when the engine did not translate (a stand-in that cannot, an unsupported language pair, the text already in the
 * target language) the answer says so with {@link Translation#translated()} false and the source text.
 * {@link TranslationService} splits longer texts and applies the seller's switch.
 */
public interface Translator {

    /** TranslateText's limit on {@code Text}: 10,000 bytes of UTF-8. */
    int MAX_BYTES = 10_000;

    /**
     * @param sourceLanguage ISO 639-1 code of the text's language, or null to let the engine detect it
     * @param targetLanguage ISO 639-1 code of the wanted language
     * @throws TranslationUnavailableException when the engine cannot answer now (throttled, outage); retry later
     */
    Translation translate(String text, String sourceLanguage, String targetLanguage);
}
