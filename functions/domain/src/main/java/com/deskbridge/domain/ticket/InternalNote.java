package com.deskbridge.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent's note on a ticket for the team: never sent to the buyer, never checked against the marketplace's
 * messaging rules, shown apart from the conversation.
 */
public record InternalNote(String noteId, String agentId, String text, Instant createdAt) {
    public InternalNote {
        Objects.requireNonNull(noteId, "noteId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
