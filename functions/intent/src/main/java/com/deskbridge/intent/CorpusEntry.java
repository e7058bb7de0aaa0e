package com.deskbridge.intent;

import com.deskbridge.domain.ticket.InvalidInputException;

/**
 * One labelled buyer message of an evaluation corpus.
 *
 * @param split "train" or "holdout" (the part never looked at while writing and tuning the lexicons)
 */
public record CorpusEntry(String id, Language language, Intent intent, String subject, String body, String note,
                          String split) {
    /** The split name of the held-out part. */
    public static final String HOLDOUT = "holdout";

    public CorpusEntry {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException("id", "is required");
        }
        if (intent == null) {
            throw new InvalidInputException("intent", "is required");
        }
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        split = split == null || split.isBlank() ? "train" : split;
    }

    public boolean holdout() {
        return HOLDOUT.equals(split);
    }
}
