package com.deskbridge.actions;

/** The feed attempts contract against the in-memory store the fast feed service tests use. */
class InMemoryFeedAttemptsTest extends FeedAttemptsContract {

    private final FeedAttempts attempts = new InMemoryFeedAttempts();

    @Override
    FeedAttempts attempts() {
        return attempts;
    }
}
