package com.deskbridge.domain.port;

import com.deskbridge.domain.ticket.Presence;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.List;

/** Who has a ticket open right now. Entries expire on their own: an agent who closes the tab simply stops renewing. */
public interface TicketPresence {

    void mark(SellerId seller, TicketId ticket, Presence presence);

    /** Presences still current at {@code now}. */
    List<Presence> current(SellerId seller, TicketId ticket, Instant now);
}
