package com.deskbridge.actions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.spapi.SpApiNotification;
import com.deskbridge.spapi.SpApiNotifications;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda on the SP-API notifications queue (Amazon delivers FEED_PROCESSING_FINISHED to SQS only, domain-reference
 * §1.6): each body is parsed with {@link SpApiNotifications} and handed to {@link FeedResults}. Other notification
 * types are acknowledged and ignored; unparseable bodies go to the DLQ; transient failures (SP-API quota for the report
 * download, DynamoDB) are reported as batch item failures and retried by SQS.
 */
public final class FeedNotificationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedNotificationHandler.class);

    static {
        JsonLogging.install();
    }

    private final FeedResults results;
    private final DeadLetters deadLetters;

    public FeedNotificationHandler() {
        this(Holder.WIRING);
    }

    public FeedNotificationHandler(ActionsWiring wiring) {
        this.results = wiring.results();
        this.deadLetters = wiring.deadLetters();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            if (!process(record)) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(record.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private boolean process(SQSEvent.SQSMessage record) {
        SpApiNotification n;
        try {
            n = SpApiNotifications.parse(record.getBody());
        } catch (RuntimeException poison) {
            return deadLetter(record, "not an SP-API notification: " + poison.getMessage());
        }
        if (!(n instanceof SpApiNotification.FeedProcessingFinished f)) {
            LOG.info("notification {} of type {} ignored by the actions handler", record.getMessageId(), n.notificationType());
            return true;
        }
        if (f.sellerId().isEmpty()) {
            return deadLetter(record, "FEED_PROCESSING_FINISHED for feed " + f.feedId() + " without sellerId (the poller will settle it)");
        }
        try {
            results.feedFinished(f.sellerId().get(), f.feedId(), f.processingStatus(), f.resultFeedDocumentId());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("feed {} result not applied yet, will be retried: {}", f.feedId(), e.toString());
            return false;
        }
    }

    private boolean deadLetter(SQSEvent.SQSMessage record, String reason) {
        try {
            deadLetters.send(record.getBody(), reason);
            LOG.error("notification {} dead-lettered: {}", record.getMessageId(), reason);
            return true;
        } catch (RuntimeException e) {
            LOG.error("notification {} is poison ({}) but the DLQ send failed: {}", record.getMessageId(), reason, e.toString());
            return false;
        }
    }

    /** Built on first use by the runtime constructor only. */
    static final class Holder {
        static final ActionsWiring WIRING = ActionsWiring.fromEnvironment();

        private Holder() {
        }
    }
}
