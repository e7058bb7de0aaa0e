package com.deskbridge.actions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link FeedAttempt}s are kept, with the Amazon-feed-id pointer to each (a port: {@link DynamoDbFeedAttempts}
 * keeps them in the tickets table; tests keep them in memory). Every status change is conditional on the status the
 * caller read, so exactly one submitter wins each step.
 */
public interface FeedAttempts {

    /** Records a new attempt; it must not exist yet. */
    void create(FeedAttempt a);

    Optional<FeedAttempt> get(String sellerId, String attemptId);

    /** The attempt that created Amazon feed {@code feedId}, whichever of our sellers it belongs to. */
    Optional<FeedAttempt> byFeedId(String feedId);

    /** Every open attempt (any seller: {@link FeedAttempt.Status} not final). */
    List<FeedAttempt> open();

    /**
     * Moves the attempt from {@code from} to {@code to}, recording {@code change}; a final {@code to} takes it out of
     * {@link #open}. @return false when the attempt was not in {@code from} (another run owns the step)
     */
    boolean move(FeedAttempt a, FeedAttempt.Status from, FeedAttempt.Status to, Change change);

    /** CREATING → SUBMITTED with Amazon's feed id (and the pointer {@link #byFeedId} reads), all or nothing. */
    boolean submitted(FeedAttempt a, String feedId, Instant at);

    /**
     * What a step records besides the status; null fields are left as they are. {@code createStartedAt},
     * {@code error} and {@code processingStatus} are kept for people reading the table, not read back.
     */
    record Change(List<FeedAttempt.Message> messages, Instant leaseUntil, String documentId, Instant createStartedAt,
                  String error, Boolean actionsMarked, String processingStatus) {

        public static final Change NONE = new Change(null, null, null, null, null, null, null);

        public static Change lease(Instant until) {
            return NONE.withLease(until);
        }

        public static Change error(String text) {
            return new Change(null, null, null, null, text, null, null);
        }

        public static Change processingStatus(String status) {
            return new Change(null, null, null, null, null, null, status);
        }

        public static Change marked() {
            return new Change(null, null, null, null, null, true, null);
        }

        public Change withLease(Instant until) {
            return new Change(messages, until, documentId, createStartedAt, error, actionsMarked, processingStatus);
        }

        public Change withMessages(List<FeedAttempt.Message> claimed) {
            return new Change(claimed, leaseUntil, documentId, createStartedAt, error, actionsMarked, processingStatus);
        }

        public Change withDocumentId(String id) {
            return new Change(messages, leaseUntil, id, createStartedAt, error, actionsMarked, processingStatus);
        }

        public Change withCreateStartedAt(Instant at) {
            return new Change(messages, leaseUntil, documentId, at, error, actionsMarked, processingStatus);
        }

        /** {@code a} with this change applied (what a store reads back afterwards). */
        public FeedAttempt applyTo(FeedAttempt a, FeedAttempt.Status status) {
            return new FeedAttempt(a.sellerId(), a.attemptId(), status, a.marketplaceId(), a.feedType(), a.createdAt(),
                    leaseUntil != null ? leaseUntil : a.leaseUntil(), messages != null ? messages : a.messages(),
                    documentId != null ? documentId : a.documentId(), a.feedId(), a.submittedAt(),
                    actionsMarked != null ? actionsMarked : a.actionsMarked());
        }
    }
}
