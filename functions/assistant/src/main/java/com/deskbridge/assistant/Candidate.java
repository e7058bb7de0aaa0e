package com.deskbridge.assistant;

import java.util.Objects;

/**
 * A macro the assistant proposes for a ticket, before it is rendered.
 *
 * @param macroId    a macro of the seller's catalog
 * @param why        why this macro fits, in English, for the agent (e.g. "seller-fulfilled order with tracking: the
 *                   shipping update with the parcel's live status")
 * @param waitingFor what must happen before the text would be true, e.g. "Amazon's confirmation of the refund"; null
 *                   when the macro may be sent as soon as its placeholders have values. A candidate that waits is shown
 *                   but never sendable.
 */
public record Candidate(String macroId, String why, String waitingFor) {
    public Candidate {
        Objects.requireNonNull(macroId, "macroId");
        Objects.requireNonNull(why, "why");
    }
}
