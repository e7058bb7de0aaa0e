package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FeedAttempts} does, run against DynamoDB Local ({@code DynamoDbFeedAttemptsTest}) and the
 * in-memory store the fast feed service tests use ({@code InMemoryFeedAttemptsTest}): an attempt is created once,
 * each step is taken by exactly one caller, final attempts leave the open list, and the feed id finds its attempt.
 */
abstract class FeedAttemptsContract {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    abstract FeedAttempts attempts();

    private final String seller = "ACONTRACT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private FeedAttempt planning(String attemptId) {
        return new FeedAttempt(seller, attemptId, FeedAttempt.Status.PLANNING, "A1PA6795UKMFR9", "POST_PAYMENT_ADJUSTMENT_DATA",
                T0, T0.plusSeconds(300), List.of(new FeedAttempt.Message("act-1", "t-1", 1)), null, null, null, false);
    }

    private List<String> openOfSeller() {
        return attempts().open().stream().filter(a -> a.sellerId().equals(seller)).map(FeedAttempt::attemptId).toList();
    }

    @Test
    void eachStepIsTakenOnceAndRecordsWhatItChanged() {
        FeedAttempt a = planning("att-" + UUID.randomUUID());
        attempts().create(a);
        assertThatThrownBy(() -> attempts().create(a)).as("an attempt is created once").isInstanceOf(RuntimeException.class);
        List<FeedAttempt.Message> claimed = List.of(new FeedAttempt.Message("act-1", "t-1", 1), new FeedAttempt.Message("act-2", "t-2", 2));

        assertThat(attempts().move(a, FeedAttempt.Status.PLANNING, FeedAttempt.Status.PLANNED,
                FeedAttempts.Change.lease(T0.plusSeconds(600)).withMessages(claimed))).isTrue();
        assertThat(attempts().move(a, FeedAttempt.Status.PLANNING, FeedAttempt.Status.ABANDONED, FeedAttempts.Change.NONE))
                .as("another run lost the step").isFalse();
        assertThat(attempts().move(a, FeedAttempt.Status.PLANNED, FeedAttempt.Status.UPLOADED,
                FeedAttempts.Change.lease(T0.plusSeconds(900)).withDocumentId("doc-1"))).isTrue();

        FeedAttempt read = attempts().get(seller, a.attemptId()).orElseThrow();
        assertThat(read.status()).isEqualTo(FeedAttempt.Status.UPLOADED);
        assertThat(read.messages()).isEqualTo(claimed);
        assertThat(read.documentId()).isEqualTo("doc-1");
        assertThat(read.leaseUntil()).isEqualTo(T0.plusSeconds(900));
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(openOfSeller()).containsExactly(a.attemptId());
    }

    @Test
    void aSubmittedAttemptIsFoundByItsFeedIdAndLeavesTheOpenListWhenDone() {
        FeedAttempt a = planning("att-" + UUID.randomUUID());
        String feedId = "5" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        attempts().create(a);
        assertThat(attempts().submitted(a, feedId, T0.plusSeconds(5))).as("only from CREATING").isFalse();
        attempts().move(a, FeedAttempt.Status.PLANNING, FeedAttempt.Status.CREATING, FeedAttempts.Change.NONE);
        assertThat(attempts().submitted(a, feedId, T0.plusSeconds(5))).isTrue();

        FeedAttempt submitted = attempts().byFeedId(feedId).orElseThrow();
        assertThat(submitted.attemptId()).isEqualTo(a.attemptId());
        assertThat(submitted.status()).isEqualTo(FeedAttempt.Status.SUBMITTED);
        assertThat(submitted.submittedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(submitted.actionsMarked()).isFalse();
        assertThat(attempts().move(submitted, FeedAttempt.Status.SUBMITTED, FeedAttempt.Status.SUBMITTED,
                FeedAttempts.Change.marked())).isTrue();
        assertThat(attempts().get(seller, a.attemptId()).orElseThrow().actionsMarked()).isTrue();

        assertThat(attempts().move(submitted, FeedAttempt.Status.SUBMITTED, FeedAttempt.Status.DONE,
                FeedAttempts.Change.processingStatus("DONE"))).isTrue();
        assertThat(openOfSeller()).doesNotContain(a.attemptId());
        assertThat(attempts().byFeedId(feedId).orElseThrow().status()).isEqualTo(FeedAttempt.Status.DONE);
        assertThat(attempts().byFeedId("unknown-" + feedId)).isEmpty();
    }
}
