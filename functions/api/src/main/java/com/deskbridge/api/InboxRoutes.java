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
                    call.app().inbox().overview(call.seller(), call.request().agent())))));

    /** The queue's other filters narrow a status queue; a view is a queue of its own, so they do not combine. */
    private static final Set<String> QUEUE_FILTERS = Set.of("status", "priority", "intent", "tag", "channel", "assignee",
            "dueBefore");

    private InboxRoutes() {
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
