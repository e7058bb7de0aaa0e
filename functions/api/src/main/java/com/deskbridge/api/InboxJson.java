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

    /** One ticket of a group: what it would be sent with. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GroupItem(String ticketId, String subject, String orderId, String buyer, String suggestionId, String language,
                     String text) {
    }

    record Group(String key, String macroId, String macroName, int count, List<String> ticketIds, List<GroupItem> items) {
    }

    record Single(String ticketId, String subject, String reason) {
    }

    record Groups(String view, int read, boolean more, List<Group> groups, List<Single> ungrouped) {
    }

    static Groups groups(String view, InboxGroups.Grouping g, int read, boolean more) {
        return new Groups(view, read, more, g.groups().stream().map(gr -> new Group(gr.key(), gr.macroId(), gr.macroName(),
                gr.items().size(), gr.items().stream().map(i -> i.ticket().ticket().id().value()).toList(),
                gr.items().stream().map(i -> new GroupItem(i.ticket().ticket().id().value(), i.ticket().ticket().subject(),
                        i.ticket().ticket().orderId(), i.ticket().ticket().buyer(), i.suggestion().id(),
                        i.suggestion().language(), i.suggestion().text())).toList())).toList(),
                g.singles().stream().map(s -> new Single(s.ticket().ticket().id().value(), s.ticket().ticket().subject(),
                        s.reason())).toList());
    }

    private static Ticket ticket(InboxTicket t) {
        return new Ticket(TicketJson.summary(t.ticket()),
                new Priority(t.score().value(), t.score().reasons(), t.score().summary()));
    }
}
