package com.deskbridge.domain.ticket;

import java.util.Objects;

/**
 * Where a reply's text came from: its {@link ReplySource} and, for a macro or a suggestion, the macro's id (and the
 * suggestion's id). Recorded on the reply for accountability, the suggestion acceptance figures and the audit's
 * "fix this template" list.
 *
 * @param macroId      the macro the text was filled from; required for {@code macro} and the suggestion sources
 * @param suggestionId the suggestion the agent sent (as suggested or edited); null otherwise
 */
public record ReplyOrigin(ReplySource source, String macroId, String suggestionId) {
    /** Written by hand. */
    public static final ReplyOrigin HAND = new ReplyOrigin(ReplySource.HAND, null, null);
    /** Written by the automation rules. */
    public static final ReplyOrigin AUTOMATIC = new ReplyOrigin(ReplySource.AUTOMATIC, null, null);

    public ReplyOrigin {
        Objects.requireNonNull(source, "source");
        if ((source == ReplySource.MACRO || source.fromSuggestion()) && (macroId == null || macroId.isBlank())) {
            throw new IllegalArgumentException(source.wireName() + " replies name their macro");
        }
        if (source.fromSuggestion() != (suggestionId != null)) {
            throw new IllegalArgumentException("a suggestion id belongs to exactly the suggestion sources");
        }
    }

    /** From a macro the agent picked. */
    public static ReplyOrigin macro(String macroId) {
        return new ReplyOrigin(ReplySource.MACRO, macroId, null);
    }
}
