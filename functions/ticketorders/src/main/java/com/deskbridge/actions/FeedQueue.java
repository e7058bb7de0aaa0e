package com.deskbridge.actions;

import java.time.Instant;
import java.util.List;

/**
 * Amazon actions waiting for a feed: the queue the feed submitter reads, claims from and gives back to. An Amazon
 * action enters it when it is created or approved QUEUED, leaves it when claimed or moved on, and returns on
 * {@link #release}. {@link DynamoDbFeedQueue} keeps it as a sparse, write-sharded index of the tickets table.
 */
public interface FeedQueue {

    /** A reference to an action waiting for a feed, as the queue holds it. */
    record QueuedRef(String sellerId, String ticketId, String actionId) {
    }

    /** Actions waiting for a feed, oldest first (per shard, where the store shards), at most {@code limit} in total. */
    List<QueuedRef> queued(int limit);

    /** Claims a QUEUED, unclaimed action for a feed attempt and takes it off the queue; false when it was not. */
    boolean claim(QueuedRef ref, String attemptId, Instant now);

    /** Gives an action claimed by {@code attemptId} back to the queue (its attempt never reached createFeed). */
    boolean release(OrderAction a, String attemptId, Instant now);
}
