package com.deskbridge.actions;

import java.time.Instant;
import java.util.List;

/**
 * One feed on its way to Amazon, recorded before anything is sent so that a crashed or retried submitter never puts
 * an action into a second feed. Status moves PLANNING → PLANNED (claimed actions numbered) → UPLOADED (document id)
 * → CREATING (the only step that calls createFeed, entered by one conditional write) → SUBMITTED (feed id) → DONE.
 * Side exits: ABANDONED (never reached createFeed; actions released), UNKNOWN (createFeed may or may not have created
 * the feed: actions need a person), REJECTED (Amazon refused createFeed; actions failed).
 */
public record FeedAttempt(String sellerId, String attemptId, Status status, String marketplaceId, String feedType,
                          Instant createdAt, Instant leaseUntil, List<Message> messages, String documentId, String feedId,
                          Instant submittedAt, boolean actionsMarked) {

    public FeedAttempt {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public enum Status {
        PLANNING, PLANNED, UPLOADED, CREATING, SUBMITTED, DONE, ABANDONED, UNKNOWN, REJECTED;

        boolean open() {
            return this != DONE && this != ABANDONED && this != UNKNOWN && this != REJECTED;
        }
    }

    /** An action in the feed and its MessageID. */
    public record Message(String actionId, String ticketId, long messageId) {
    }
}
