package com.deskbridge.intent;

import java.util.List;

/**
 * Chooses one intent from per-intent scores. An intent is a candidate when its score reaches
 * {@link #MIN_SCORE}. Candidates are considered tier by tier; the first tier with a candidate decides, by the
 * highest score and, on equal scores, by the order listed:
 * <ol>
 *   <li>requested actions: CANCELLATION_REQUEST, RETURN, REFUND_REQUEST — what the buyer asks the seller to do
 *       is what the agent must act on, so "the parcel arrived damaged, I want a refund" is a REFUND_REQUEST
 *       (with DAMAGED_ITEM as the secondary intent, and both tags);</li>
 *   <li>problems: DAMAGED_ITEM, DELIVERY_PROBLEM, WHERE_IS_MY_ORDER — "damaged, please send a replacement"
 *       stays DAMAGED_ITEM because a replacement is not a refund or return;</li>
 *   <li>PRODUCT_QUESTION;</li>
 *   <li>POSITIVE_FEEDBACK — only when nothing above is a candidate, so praise words in a complaint or in
 *       sarcasm ("great, three weeks and still nothing") never hide the complaint.</li>
 * </ol>
 * No candidate: OTHER. The secondary intent is the highest-scoring other candidate, whatever its tier.
 */
final class IntentPrecedence {
    /** The score an intent needs to be chosen; a single weak cue (≤ 1.5) is not enough. */
    static final double MIN_SCORE = 2.0;

    private static final List<List<Intent>> TIERS = List.of(
            List.of(Intent.CANCELLATION_REQUEST, Intent.RETURN, Intent.REFUND_REQUEST),
            List.of(Intent.DAMAGED_ITEM, Intent.DELIVERY_PROBLEM, Intent.WHERE_IS_MY_ORDER),
            List.of(Intent.PRODUCT_QUESTION),
            List.of(Intent.POSITIVE_FEEDBACK));

    private IntentPrecedence() {
    }

    /** The chosen intent for scores indexed by {@link Intent#ordinal()}. */
    static Intent choose(double[] scores) {
        for (List<Intent> tier : TIERS) {
            Intent best = null;
            for (Intent i : tier) {
                if (scores[i.ordinal()] >= MIN_SCORE && (best == null || scores[i.ordinal()] > scores[best.ordinal()])) {
                    best = i;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return Intent.OTHER;
    }

    /** The highest-scoring candidate other than {@code chosen}, or null. */
    static Intent secondary(double[] scores, Intent chosen) {
        Intent best = null;
        for (Intent i : Intent.values()) {
            if (i != chosen && i != Intent.OTHER && scores[i.ordinal()] >= MIN_SCORE
                    && (best == null || scores[i.ordinal()] > scores[best.ordinal()])) {
                best = i;
            }
        }
        return best;
    }
}
