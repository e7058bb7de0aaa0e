package com.deskbridge.domain.port;

import com.deskbridge.domain.inbox.InboxOverview;
import com.deskbridge.domain.inbox.InboxTicket;
import com.deskbridge.domain.inbox.InboxView;
import com.deskbridge.domain.ticket.Page;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Instant;

/**
 * The smart inbox as the ticket store keeps it: counts kept in the transactions that change tickets, each view an
 * index of its own. Reads never scan: their cost does not grow with the number of tickets.
 */
public interface Inbox {

    /** Every view with its count and its first {@code perView} tickets; {@link InboxView#MINE} is {@code agent}'s. */
    InboxOverview overview(SellerId seller, String agent, int perView, Instant now);

    /**
     * One view in its order.
     *
     * @param cursor null for the first page, otherwise a {@link Page#nextCursor()} of the same view
     * @throws com.deskbridge.domain.ticket.InvalidInputException naming "cursor" when the cursor is not one of ours
     */
    Page<InboxTicket> list(SellerId seller, InboxView view, String agent, int limit, String cursor, Instant now);
}
