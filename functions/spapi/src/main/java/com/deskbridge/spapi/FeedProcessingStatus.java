package com.deskbridge.spapi;

/** Feeds API 2021-06-30 {@code processingStatus} (domain-reference §1.4). */
public enum FeedProcessingStatus {
    IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL;

    /** DONE, CANCELLED and FATAL do not change any more. */
    public boolean terminal() {
        return this == DONE || this == CANCELLED || this == FATAL;
    }
}
