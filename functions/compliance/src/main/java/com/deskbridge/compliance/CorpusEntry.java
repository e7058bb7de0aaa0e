package com.deskbridge.compliance;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.intent.Language;

import java.util.Set;

/**
 * One labelled outgoing message of the compliance corpus.
 *
 * @param violations the rules the message breaks (empty: compliant)
 * @param split      "train" or "holdout" (the part fixed before the lexicons were tuned)
 */
public record CorpusEntry(String id, Language language, String text, Set<RuleId> violations, String note,
                          String split) {
    /** The split name of the held-out part. */
    public static final String HOLDOUT = "holdout";

    public CorpusEntry {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", "is required");
        }
        text = text == null ? "" : text;
        violations = Set.copyOf(violations);
        split = split == null || split.isBlank() ? "train" : split;
    }

    /** True for the held-out part. */
    public boolean holdout() {
        return HOLDOUT.equals(split);
    }
}
