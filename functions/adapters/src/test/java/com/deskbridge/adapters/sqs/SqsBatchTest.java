package com.deskbridge.adapters.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.localaws.lambda.LocalLambdaContext;
import com.deskbridge.testing.SqsRecords;
import static com.deskbridge.testing.SqsRecords.event;
import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one SQS batch policy: nothing one record does reaches the others, and nothing reaches a DLQ without a reason. */
class SqsBatchTest {
    private final Map<String, String> deadLettered = new LinkedHashMap<>();
    private final DeadLetterSink sink = (record, reason, at) -> deadLettered.put(record.getMessageId(), reason);

    private static SQSEvent.SQSMessage record(String id, int receiveCount) {
        return SqsRecords.record(id, id, receiveCount);
    }

    private static List<String> failed(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static int overflow(int n) {
        return overflow(n + 1) + 1;
    }

    @Test
    void aStackOverflowIsDeadLetteredWithAReasonAndTheOthersAreHandled() {
        List<String> handled = new ArrayList<>();
        SQSBatchResponse response = new SqsBatch("test", sink, Clock.systemUTC()).process(
                event(record("a", 1), record("bomb", 1), record("c", 1)), r -> {
                    if (r.getBody().equals("bomb")) {
                        overflow(0);
                    }
                    handled.add(r.getBody());
                    return SqsBatch.DONE;
                });

        assertThat(failed(response)).isEmpty();
        assertThat(handled).containsExactly("a", "c");
        assertThat(deadLettered).containsOnlyKeys("bomb");
        assertThat(deadLettered.get("bomb")).contains("overflowed its stack");
    }

    @Test
    void poisonIsSignalledOneWayAndOtherErrorsAreRetried() {
        SQSBatchResponse response = new SqsBatch("test", sink, Clock.systemUTC()).process(
                event(record("poison", 1), record("error", 1), record("runtime", 1), record("fine", 1)), r -> switch (r.getBody()) {
                    case "poison" -> throw new PoisonMessageException("bad envelope");
                    case "error" -> throw new AssertionError("an Error that is not the input's fault");
                    case "runtime" -> throw new IllegalStateException("DynamoDB unavailable");
                    default -> SqsBatch.DONE;
                });

        assertThat(deadLettered).containsExactly(Map.entry("poison", "bad envelope"));
        assertThat(failed(response)).containsExactly("error", "runtime");
    }

    @Test
    void onItsLastDeliveryARetryGoesToTheDlqWithTheLastReason() {
        SqsBatch batch = new SqsBatch("test", sink, Clock.systemUTC(), 5);
        SQSBatchResponse early = batch.process(event(record("m", 4)), r -> new SqsBatch.Retry("carrier down"));
        SQSBatchResponse last = batch.process(event(record("m", 5)), r -> {
            throw new IllegalStateException("DynamoDB unavailable");
        });

        assertThat(failed(early)).containsExactly("m");
        assertThat(failed(last)).isEmpty();
        assertThat(deadLettered.get("m")).startsWith("gave up after 5 deliveries").contains("DynamoDB unavailable");
    }

    @Test
    void aFailingDlqLeavesThePoisonForRetryRatherThanLosingIt() {
        DeadLetterSink down = (record, reason, at) -> {
            throw new IllegalStateException("DLQ unavailable");
        };
        SQSBatchResponse response = new SqsBatch("test", down, Clock.systemUTC()).process(event(record("p", 1)), r -> {
            throw new PoisonMessageException("bad");
        });

        assertThat(failed(response)).containsExactly("p");
    }

    @Test
    void recordsAreNotStartedWhenTheInvocationsTimeIsNearlyUp() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        LocalLambdaContext context = new LocalLambdaContext("req", "test", "arn:test", 128,
                (int) SqsBatch.RESERVE.toSeconds() + 1, quiet);
        List<String> handled = new ArrayList<>();
        SQSBatchResponse response = new SqsBatch("test", sink, Clock.systemUTC()).process(
                event(record("slow", 1), record("b", 1), record("c", 1)), context, r -> {
                    handled.add(r.getBody());
                    if (r.getBody().equals("slow")) {
                        sleep(1_500);
                    }
                    return SqsBatch.DONE;
                });

        assertThat(handled).containsExactly("slow");
        assertThat(failed(response)).containsExactly("b", "c");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aBatchHandledAsOneComesBackWholeWhateverFailed() {
        SqsBatch batch = new SqsBatch("test", sink, Clock.systemUTC());
        assertThat(failed(batch.processAsOne(event(record("x", 1), record("y", 1)), () -> overflow(0))))
                .containsExactly("x", "y");
        assertThat(failed(batch.processAsOne(event(record("x", 1)), () -> { }))).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
