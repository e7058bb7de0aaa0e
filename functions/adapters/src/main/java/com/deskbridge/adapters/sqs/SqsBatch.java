package com.deskbridge.adapters.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every SQS-triggered function treats its batch (ReportBatchItemFailures): each record is handled on its own;
 * a record that may succeed later is reported as a batch item failure (SQS delivers it again, and after the queue's
 * maxReceiveCount moves it to the DLQ); a poison record goes to the DLQ at once with its reason, and the rest of the
 * batch goes on. An unexpected exception counts as "later".
 */
public final class SqsBatch {
    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);

    /** What became of one record. */
    public sealed interface Outcome permits Done, Retry, Poison {
    }

    /** Handled (or nothing to do): delete it. */
    public record Done() implements Outcome {
    }

    /** Not now: deliver it again after the visibility timeout. */
    public record Retry(String reason) implements Outcome {
    }

    /** Can never succeed: to the DLQ with this reason. */
    public record Poison(String reason) implements Outcome {
    }

    public static final Outcome DONE = new Done();

    private final String function;
    private final DeadLetterSink deadLetters;
    private final Clock clock;

    /** @param function a short name for the logs ("intake", "sender") */
    public SqsBatch(String function, DeadLetterSink deadLetters, Clock clock) {
        this.function = Objects.requireNonNull(function);
        this.deadLetters = Objects.requireNonNull(deadLetters);
        this.clock = Objects.requireNonNull(clock);
    }

    public SQSBatchResponse process(SQSEvent event, Function<SQSEvent.SQSMessage, Outcome> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            if (!settle(record, outcome(record, handler))) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(record.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private Outcome outcome(SQSEvent.SQSMessage record, Function<SQSEvent.SQSMessage, Outcome> handler) {
        try {
            return handler.apply(record);
        } catch (RuntimeException e) {
            return new Retry(e.toString());
        }
    }

    /** @return false when the record must be delivered again */
    private boolean settle(SQSEvent.SQSMessage record, Outcome outcome) {
        if (outcome instanceof Retry retry) {
            LOG.warn("{} messageId={} failed, will be retried: {}", function, record.getMessageId(), retry.reason());
            return false;
        }
        if (outcome instanceof Poison poison) {
            try {
                deadLetters.send(record, poison.reason(), clock.instant());
                LOG.error("{} messageId={} dead-lettered: {}", function, record.getMessageId(), poison.reason());
                return true;
            } catch (RuntimeException e) {
                LOG.error("{} messageId={} is poison ({}) but the DLQ send failed, leaving it for retry: {}", function,
                        record.getMessageId(), poison.reason(), e.toString());
                return false;
            }
        }
        return true;
    }

    /** Which delivery of the record this is (1 for the first), from SQS's ApproximateReceiveCount. */
    public static int receiveCount(SQSEvent.SQSMessage record) {
        try {
            return Integer.parseInt(record.getAttributes().get("ApproximateReceiveCount"));
        } catch (RuntimeException e) {
            return 1;
        }
    }
}
