package com.deskbridge.actions;

import java.time.Clock;
import java.util.Objects;

/**
 * What the feed services ({@link FeedSubmitter}, {@link FeedResults}, {@link FeedPoller}) all work with: the actions,
 * the feed attempts, Amazon's Feeds operations, the audit trail and the clock.
 */
public record FeedPorts(ActionStore actions, FeedAttempts attempts, Feeds feeds, AuditTrail audit, Clock clock) {

    public FeedPorts {
        Objects.requireNonNull(actions);
        Objects.requireNonNull(attempts);
        Objects.requireNonNull(feeds);
        Objects.requireNonNull(audit);
        Objects.requireNonNull(clock);
    }
}
