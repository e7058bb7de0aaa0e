package com.deskbridge.api;

import com.deskbridge.domain.port.TicketNotes;
import com.deskbridge.domain.port.TicketPresence;
import com.deskbridge.domain.port.TicketSearch;
import com.deskbridge.logistics.EvidenceLog;
import java.time.Duration;
import java.util.Objects;

/**
 * The ports agents work together through: search (and the customer's history), internal notes (with their evidence
 * entries) and presence on tickets.
 *
 * @param notesRetention how long a note is kept (it may quote the buyer: the personal-data retention)
 */
public record Collaboration(TicketSearch search, TicketNotes notes, TicketPresence presence, EvidenceLog evidence,
                            Duration notesRetention) {
    public Collaboration {
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(notesRetention, "notesRetention");
    }
}
