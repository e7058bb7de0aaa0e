package com.deskbridge.intent;

import java.util.List;

/**
 * Tags for one message, without duplicates, in this order: intent tags, peak-event tags, seller rule tags.
 *
 * @param skippedRules names of seller regex rules abandoned because they exceeded the match budget (the
 *                     ticket is still tagged by everything else; the seller should fix those rules)
 */
public record TagResult(List<String> tags, List<String> skippedRules) {
    public TagResult {
        tags = List.copyOf(tags);
        skippedRules = List.copyOf(skippedRules);
    }
}
