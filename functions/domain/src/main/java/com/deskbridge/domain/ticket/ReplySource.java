package com.deskbridge.domain.ticket;

import java.util.Optional;

/**
 * How a reply came to be written, as the stored reply records it (field {@code source}): by hand, from a macro the
 * agent picked, from the assistant's suggestion sent as suggested or after editing, or by the automation rules. The
 * wire names are shared with the inbox's agent metrics and the compliance audit's strata.
 */
public enum ReplySource {
    HAND("hand"),
    MACRO("macro"),
    SUGGESTION("suggestion"),
    SUGGESTION_EDITED("suggestion-edited"),
    AUTOMATIC("automatic");

    private final String wireName;

    ReplySource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The source with this wire name, if any. */
    public static Optional<ReplySource> fromWire(String wire) {
        for (ReplySource s : values()) {
            if (s.wireName.equals(wire)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** True for the two sources that come from a suggestion. */
    public boolean fromSuggestion() {
        return this == SUGGESTION || this == SUGGESTION_EDITED;
    }
}
