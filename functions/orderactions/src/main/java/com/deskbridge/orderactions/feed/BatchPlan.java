package com.deskbridge.orderactions.feed;

import java.util.List;

/** What {@link FeedBatcher} decided: the feeds to submit now, and the actions that wait for the next tokens. */
public record BatchPlan(List<PlannedFeed> feeds, List<PendingAction> deferred) {
    public BatchPlan {
        feeds = List.copyOf(feeds);
        deferred = List.copyOf(deferred);
    }
}
