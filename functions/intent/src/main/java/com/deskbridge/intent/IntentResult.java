package com.deskbridge.intent;

import java.util.Map;

/**
 * What the intent model decided about one buyer message.
 *
 * @param intent             the most probable intent
 * @param confidence         its calibrated probability, in [0, 1]: of the messages given confidence c, about a
 *                           share c is right (the trainer prints the reliability table)
 * @param needsTriage        true when the confidence is below the model's threshold, or the model knows none of
 *                           the body's words: a person should look at the
 *                           message rather than trust {@code intent} (which is still the best guess, and what SLA
 *                           milestones follow)
 * @param language           the language of the buyer's own text, {@link Language#UNKNOWN} when unclear
 * @param languageConfidence how clearly that language stood out ({@link LanguageDetector.Detected#confidence()})
 * @param secondary          the runner-up intent when it is also likely (at least {@link #SECONDARY_MIN}), e.g.
 *                           DAMAGED_ITEM behind a REFUND_REQUEST; {@code null} otherwise
 * @param probabilities      every intent's calibrated probability
 */
public record IntentResult(Intent intent, double confidence, boolean needsTriage, Language language,
                           double languageConfidence, Intent secondary, Map<Intent, Double> probabilities) {
    /** The probability the runner-up needs to count as a secondary intent. */
    public static final double SECONDARY_MIN = 0.2;

    public IntentResult {
        probabilities = Map.copyOf(probabilities);
    }
}
