package com.deskbridge.api;

import com.deskbridge.domain.inbox.InboxView;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /inbox}: the smart inbox, every view with its count and first tickets; the caller's own "Mine". One view
 * in full is {@code GET /tickets?view=…} ({@link #view}), agents and leads alike.
 */
final class InboxRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /inbox", call -> ApiResponse.ok(InboxJson.overview(
                    call.app().inbox().overview(call.seller(), call.request().agent())))),
            new Route("GET /inbox/groups", InboxRoutes::groups));

    /** The most tickets of a view one grouping reads (each is rendered and checked). */
    static final int MAX_GROUPED = 50;

    /** The queue's other filters narrow a status queue; a view is a queue of its own, so they do not combine. */
    private static final Set<String> QUEUE_FILTERS = Set.of("status", "priority", "intent", "tag", "channel", "assignee",
            "dueBefore");

    private InboxRoutes() {
    }

    /**
     * {@code GET /inbox/groups?view=…&limit=}: the view's first tickets grouped by their best sendable suggestion
     * ({@link InboxGroups}), each ticket with its own rendered text and suggestion id for the reply route.
     */
    static ApiResponse groups(Route.Call call) {
        String rawView = call.request().query("view").orElseThrow(() ->
                new com.deskbridge.domain.ticket.InvalidInputException("view", "is required"));
        InboxView view = InboxView.parse(rawView, "view");
        int limit = call.request().query("limit").map(raw -> {
            try {
                return Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new com.deskbridge.domain.ticket.InvalidInputException("limit", "must be a whole number (was '" + raw + "')");
            }
        }).orElse(MAX_GROUPED);
        if (limit < 1 || limit > MAX_GROUPED) {
            throw new com.deskbridge.domain.ticket.InvalidInputException("limit", "must be between 1 and " + MAX_GROUPED);
        }
        var page = call.app().inbox().view(call.seller(), view, call.request().agent(), limit, null);
        List<InboxGroups.Member> members = new java.util.ArrayList<>();
        for (var t : page.items()) {
            com.deskbridge.domain.ticket.TicketDetail detail;
            try {
                detail = call.app().queries().ticket(call.seller(), t.ticket().id());
            } catch (com.deskbridge.domain.ticket.TicketNotFoundException gone) {
                continue; // removed since the view was read
            }
            members.add(new InboxGroups.Member(t, call.app().suggestions().suggest(call.seller(), detail)));
        }
        return ApiResponse.ok(InboxJson.groups(view.wireName(), InboxGroups.of(view.wireName(), members),
                page.items().size(), page.nextCursor() != null));
    }

    /** {@code GET /tickets?view=…}: one view in its order, with the queue's limit and cursor. */
    static ApiResponse view(Route.Call call, String rawView, Integer limit) {
        InboxView view = InboxView.parse(rawView, "view");
        for (String filter : QUEUE_FILTERS) {
            if (call.request().query(filter).isPresent()) {
                throw new com.deskbridge.domain.ticket.InvalidInputException("view",
                        "cannot be combined with " + filter + ": a view is a queue of its own");
            }
        }
        return ApiResponse.ok(InboxJson.listing(call.app().inbox().view(call.seller(), view, call.request().agent(), limit,
                call.request().query("cursor").orElse(null))));
    }
}
