package com.deskbridge.api;

import com.deskbridge.domain.inbox.InboxOverview;
import com.deskbridge.domain.inbox.InboxTicket;
import com.deskbridge.domain.ticket.Page;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** The JSON shapes of the smart inbox. */
final class InboxJson {
    private InboxJson() {
    }

    record Inbox(List<View> views) {
    }

    record View(String view, String title, long count, List<Ticket> tickets) {
    }

    /** A queue summary with its priority score and the reasons for it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ticket(@JsonUnwrapped TicketJson.Summary summary, Priority score) {
    }

    /** e.g. {@code {"value": 55, "reasons": ["Amazon deadline in 2 h", "3rd message on this order"], "summary": "…"}} */
    record Priority(int value, List<String> reasons, String summary) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Listing(List<Ticket> items, String nextCursor) {
    }

    static Inbox overview(InboxOverview overview) {
        return new Inbox(overview.views().stream().map(v -> new View(v.view().wireName(), v.view().title(), v.count(),
                v.first().stream().map(InboxJson::ticket).toList())).toList());
    }

    static Listing listing(Page<InboxTicket> page) {
        return new Listing(page.items().stream().map(InboxJson::ticket).toList(), page.nextCursor());
    }

    private static Ticket ticket(InboxTicket t) {
        return new Ticket(TicketJson.summary(t.ticket()),
                new Priority(t.score().value(), t.score().reasons(), t.score().summary()));
    }
}
