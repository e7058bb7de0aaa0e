package com.deskbridge.domain.query;

import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketFilter;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketNotFoundException;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import java.time.Clock;
import java.util.Objects;

/** Reads of tickets for the helpdesk, always on behalf of one seller. */
public final class TicketQueries {
    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;

    private final TicketStore store;
    private final Clock clock;

    public TicketQueries(TicketStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    public TicketDetail ticket(SellerId seller, TicketId id) {
        return store.find(seller, id, clock.instant()).orElseThrow(() -> new TicketNotFoundException(id));
    }

    public Page<TicketSummary> queue(SellerId seller, TicketStatus status, Integer limit, String cursor) {
        return queue(seller, TicketFilter.status(status), limit, cursor);
    }

    /** The seller's queue narrowed by {@code filter}, earliest response deadline first. */
    public Page<TicketSummary> queue(SellerId seller, TicketFilter filter, Integer limit, String cursor) {
        return store.list(seller, filter, pageSize(limit), cursor, clock.instant());
    }

    /** A listing's page size: {@value #DEFAULT_PAGE_SIZE} when not given, else 1 to {@value #MAX_PAGE_SIZE}. */
    static int pageSize(Integer limit) {
        int size = limit == null ? DEFAULT_PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE_SIZE + " (was " + size + ")");
        }
        return size;
    }
}
