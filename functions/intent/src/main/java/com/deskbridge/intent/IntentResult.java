package com.deskbridge.intent;

import java.util.List;
import java.util.Map;

/**
 * What the classifier decided, and why.
 *
 * @param intent     the chosen intent ({@link Intent#OTHER} when no intent reached the minimum score)
 * @param score      the chosen intent's summed cue weight (0 for OTHER)
 * @param confidence in [0, 1]: the chosen intent's share of all cue weight times a saturation of its score
 *                   ({@code share × (1 − e^(−score/4))}); for OTHER, 1 − (best score / minimum score) — i.e. how
 *                   far the strongest signal stayed from the threshold
 * @param language   the detected language of subject and body
 * @param secondary  the runner-up intent above the minimum score (e.g. DAMAGED_ITEM when a refund request
 *                   explains the damage), or {@code null}
 * @param scores     every intent's score, including zeros
 * @param cues       the cues found, in text order (subject first), including negated and neutral ones
 */
public record IntentResult(Intent intent, double score, double confidence, Language language, Intent secondary,
                           Map<Intent, Double> scores, List<MatchedCue> cues) {
    public IntentResult {
        scores = Map.copyOf(scores);
        cues = List.copyOf(cues);
    }
}
