package com.deskbridge.spapi;

/** Feeds API 2021-06-30 {@code processingStatus} (feeds_2021-06-30.json, getFeed). */
public enum FeedProcessingStatus {
    IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL;

    /** DONE, CANCELLED and FATAL do not change any more. */
    public boolean terminal() {
        return this == DONE || this == CANCELLED || this == FATAL;
    }
}
