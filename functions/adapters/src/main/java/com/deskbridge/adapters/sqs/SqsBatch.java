package com.deskbridge.adapters.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.logging.Correlation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every SQS-triggered function treats its batch (ReportBatchItemFailures,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html): each record is handled on its own,
 * and nothing one record does (an exception, an error, a StackOverflowError) reaches the others.
 * <ul>
 *   <li>{@link #DONE}: delete it.</li>
 *   <li>{@link Retry} (or an unexpected exception): report it as a batch item failure, SQS delivers it again. On its
 *       last delivery (the queue's maxReceiveCount, when known) it goes to the DLQ with the last reason instead, so
 *       no message reaches a DLQ without one.</li>
 *   <li>{@link PoisonMessageException} (the one poison signal), or a StackOverflowError (the same input overflows
 *       again): to the DLQ at once with its reason; the rest of the batch goes on.</li>
 * </ul>
 * Records not started while less than {@link #RESERVE} of the invocation's time is left are handed back untouched,
 * so one slow record cannot make the whole batch time out and be retried.
 */
public final class SqsBatch {
    private static final Logger LOG = LoggerFactory.getLogger(SqsBatch.class);
    /** Time a record may need (a mail's parse deadline is 5 s): records are not started with less left. */
    public static final Duration RESERVE = Duration.ofSeconds(7);

    /** What became of one record. */
    public sealed interface Outcome permits Done, Retry {
    }

    /** Handled (or nothing to do): delete it. */
    public record Done() implements Outcome {
    }

    /** Not now: deliver it again after the visibility timeout. */
    public record Retry(String reason) implements Outcome {
    }

    public static final Outcome DONE = new Done();

    private final String function;
    private final DeadLetterSink deadLetters;
    private final Clock clock;
    private final int maxReceives;

    /** @param function a short name for the logs ("intake", "sender") */
    public SqsBatch(String function, DeadLetterSink deadLetters, Clock clock) {
        this(function, deadLetters, clock, 0);
    }

    /**
     * @param maxReceives the queue's maxReceiveCount (template.yaml): on that delivery a record that would be
     *                    retried goes to the DLQ with its reason; 0 leaves it to the queue's redrive policy
     */
    public SqsBatch(String function, DeadLetterSink deadLetters, Clock clock, int maxReceives) {
        this.function = Objects.requireNonNull(function);
        this.deadLetters = Objects.requireNonNull(deadLetters);
        this.clock = Objects.requireNonNull(clock);
        this.maxReceives = maxReceives;
    }

    public SQSBatchResponse process(SQSEvent event, Function<SQSEvent.SQSMessage, Outcome> handler) {
        return process(event, null, handler);
    }

    /** @param context the invocation's (its remaining time bounds which records are started); null in tests */
    public SQSBatchResponse process(SQSEvent event, Context context, Function<SQSEvent.SQSMessage, Outcome> handler) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            boolean settled;
            Correlation.begin(correlationId(record)); // every line about this record carries its id
            try {
                if (context != null && context.getRemainingTimeInMillis() < RESERVE.toMillis()) {
                    LOG.warn("{} messageId={} not started: the invocation's time is nearly up; it will be delivered again",
                            function, record.getMessageId());
                    settled = false;
                } else {
                    settled = settle(record, handler);
                }
            } finally {
                Correlation.clear();
            }
            if (!settled) {
                failures.add(failure(record.getMessageId()));
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /**
     * For queues whose messages only wake the function: one {@code run} serves the whole batch. If it fails in any
     * way, every record is delivered again.
     */
    public SQSBatchResponse processAsOne(SQSEvent event, Runnable run) {
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        // one run for the batch: it logs under the first record's id (usually the only one: a wake-up message)
        Correlation.begin(records.isEmpty() ? null : correlationId(records.get(0)));
        try {
            run.run();
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        } catch (Throwable e) { // the records must come back whatever went wrong
            LOG.warn("{} run for {} record(s) failed, they will be delivered again: {}", function, records.size(), e.toString());
            return SQSBatchResponse.builder().withBatchItemFailures(records.stream()
                    .map(r -> failure(r.getMessageId())).toList()).build();
        } finally {
            Correlation.clear();
        }
    }

    /** The record's correlation id: the {@link Correlation#ATTRIBUTE} its sender set, else its own message id. */
    public static String correlationId(SQSEvent.SQSMessage record) {
        java.util.Map<String, String> carried = new java.util.HashMap<>();
        if (record.getMessageAttributes() != null) {
            SQSEvent.MessageAttribute a = record.getMessageAttributes().get(Correlation.ATTRIBUTE);
            if (a != null && a.getStringValue() != null) {
                carried.put(Correlation.ATTRIBUTE, a.getStringValue());
            }
        }
        return Correlation.of(record.getMessageId(), carried);
    }

    /** @return false when the record must be delivered again */
    private boolean settle(SQSEvent.SQSMessage record, Function<SQSEvent.SQSMessage, Outcome> handler) {
        String retryReason;
        try {
            Outcome outcome = handler.apply(record);
            if (outcome instanceof Done) {
                return true;
            }
            retryReason = ((Retry) outcome).reason();
        } catch (PoisonMessageException poison) {
            return deadLetter(record, poison.getMessage());
        } catch (StackOverflowError overflow) {
            return deadLetter(record, "the function overflowed its stack on this message (hostile or broken input)");
        } catch (RuntimeException | Error e) { // any other Error (OutOfMemoryError, LinkageError) may pass: retry
            retryReason = "failed: " + e;
        }
        int receive = receiveCount(record);
        if (maxReceives > 0 && receive >= maxReceives) {
            return deadLetter(record, "gave up after " + receive + " deliveries: " + retryReason);
        }
        LOG.warn("{} messageId={} failed (delivery {}), will be retried: {}", function, record.getMessageId(), receive,
                retryReason);
        return false;
    }

    private boolean deadLetter(SQSEvent.SQSMessage record, String reason) {
        try {
            deadLetters.send(record, reason, clock.instant());
            LOG.error("{} messageId={} dead-lettered: {}", function, record.getMessageId(), reason);
            return true;
        } catch (RuntimeException e) {
            LOG.error("{} messageId={} belongs in the DLQ ({}) but the DLQ send failed, leaving it for retry: {}", function,
                    record.getMessageId(), reason, e.toString());
            return false;
        }
    }

    private static SQSBatchResponse.BatchItemFailure failure(String messageId) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(messageId).build();
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
