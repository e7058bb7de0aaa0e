package com.deskbridge.orderactions.feed;

import com.deskbridge.orderactions.FeedAction;
import java.util.Objects;

/**
 * A validated action waiting for a feed, with the caller's id for it (the audit/idempotency key), so that
 * the processing report's per-message result can be written back to the right action.
 */
public record PendingAction(String actionId, FeedAction action) {
    public PendingAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(action, "action");
    }
}
