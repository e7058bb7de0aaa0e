package com.deskbridge.domain.command;

import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketNotFoundException;
import java.time.Clock;
import java.util.Objects;

/** What agents do to tickets, always on behalf of one seller. */
public final class TicketCommands {
    private final TicketStore store;
    private final Clock clock;

    public TicketCommands(TicketStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Seller Central's "no response needed", reproduced (it has no API): stops the response clock and closes the
     * ticket; the next buyer message re-opens it with a new clock.
     *
     * @throws TicketNotFoundException when the seller has no such ticket
     */
    public void markNoResponseNeeded(SellerId seller, TicketId id, String agentId) {
        if (!store.markNoResponseNeeded(seller, id, agentId, clock.instant())) {
            throw new TicketNotFoundException(id);
        }
    }
}
