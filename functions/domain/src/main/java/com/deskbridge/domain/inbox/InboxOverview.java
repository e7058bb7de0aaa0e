package com.deskbridge.domain.inbox;

import java.util.List;

/** Every view of the seller's inbox with its live count and its first tickets, in {@link InboxView} order. */
public record InboxOverview(List<ViewSummary> views) {
    public InboxOverview {
        views = List.copyOf(views);
    }

    /** One view: how many tickets it holds and the first of them in the view's order. */
    public record ViewSummary(InboxView view, long count, List<InboxTicket> first) {
        public ViewSummary {
            count = Math.max(0, count);
            first = List.copyOf(first);
        }
    }
}
