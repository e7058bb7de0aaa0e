package com.deskbridge.domain.query;

import com.deskbridge.domain.inbox.InboxOverview;
import com.deskbridge.domain.inbox.InboxTicket;
import com.deskbridge.domain.inbox.InboxView;
import com.deskbridge.domain.port.Inbox;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Clock;
import java.util.Objects;

/** The smart inbox for one agent of one seller. */
public final class InboxQueries {
    /** Tickets shown per view on the inbox page. */
    public static final int FIRST_PER_VIEW = 5;

    private final Inbox inbox;
    private final Clock clock;

    public InboxQueries(Inbox inbox, Clock clock) {
        this.inbox = Objects.requireNonNull(inbox);
        this.clock = Objects.requireNonNull(clock);
    }

    public InboxOverview overview(SellerId seller, String agent) {
        return inbox.overview(seller, agent, FIRST_PER_VIEW, clock.instant());
    }

    public Page<InboxTicket> view(SellerId seller, InboxView view, String agent, Integer limit, String cursor) {
        return inbox.list(seller, view, agent, TicketQueries.pageSize(limit), cursor, clock.instant());
    }
}
