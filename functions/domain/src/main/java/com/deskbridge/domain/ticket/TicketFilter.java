package com.deskbridge.domain.ticket;

import com.deskbridge.domain.sla.Priority;
import java.time.Instant;

/**
 * Narrows a seller's queue (one status, ordered by due time). Every field is optional; null means "any".
 *
 * @param dueBefore only tickets whose response deadline is before this instant
 */
public record TicketFilter(TicketStatus status, Priority priority, String intent, String tag, Channel channel,
                           String assignee, Instant dueBefore) {
    public TicketFilter {
        status = status == null ? TicketStatus.OPEN : status;
    }

    public static TicketFilter status(TicketStatus status) {
        return new TicketFilter(status, null, null, null, null, null, null);
    }

    /** True when only the status narrows the queue. */
    public boolean statusOnly() {
        return priority == null && intent == null && tag == null && channel == null && assignee == null && dueBefore == null;
    }
}
