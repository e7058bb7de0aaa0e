package com.deskbridge.actions;

/** The feed attempts contract against DynamoDB Local with the template's tickets table (the actions tests' one). */
class DynamoDbFeedAttemptsTest extends FeedAttemptsContract {

    private final FeedAttempts attempts = new DynamoDbFeedAttempts(Harness.stack().dynamoDbClient(),
            Harness.stack().tableName("TicketsTable"));

    @Override
    FeedAttempts attempts() {
        return attempts;
    }

    /** The attempts left open here must not be resumed by other tests' submitters. */
    @org.junit.jupiter.api.AfterEach
    void quiesce() {
        Harness.quiesce(Harness.stack().dynamoDbClient(), Harness.stack().tableName("TicketsTable"));
    }
}
