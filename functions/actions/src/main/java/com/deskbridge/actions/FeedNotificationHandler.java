package com.deskbridge.actions;

import com.deskbridge.adapters.sqs.PoisonMessageException;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.metrics.Metrics;
import com.deskbridge.adapters.sqs.SqsBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.spapi.SpApiNotification;
import com.deskbridge.spapi.SpApiNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda on the SP-API notifications queue (Amazon delivers FEED_PROCESSING_FINISHED to SQS only,
 * https://developer-docs.amazon.com/sp-api/docs/set-up-notifications-with-amazon-sqs): each body is parsed with {@link SpApiNotifications} and handed to {@link FeedResults}. Other notification
 * types are acknowledged and ignored; unparseable bodies go to the DLQ; transient failures (SP-API quota for the report
 * download, DynamoDB) are reported as batch item failures and retried by SQS.
 */
public final class FeedNotificationHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedNotificationHandler.class);

    static {
        JsonLogging.install();
    }

    private final FeedResults results;
    private final SqsBatch batch;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    public FeedNotificationHandler() {
        this(Holder.WIRING);
        priming = SnapStartPriming.register(FeedNotificationHandler.class, this::prime);
    }

    /** A notification for a feed that is not ours: parsed, looked up, ignored - the path every notification takes. */
    private void prime() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("snapstart-priming");
        message.setAttributes(java.util.Map.of("ApproximateReceiveCount", "1"));
        message.setBody("{\"NotificationVersion\":\"2020-09-04\",\"NotificationType\":\"FEED_PROCESSING_FINISHED\","
                + "\"PayloadVersion\":\"2020-09-04\",\"EventTime\":\"2026-01-01T00:00:00.000Z\",\"Payload\":"
                + "{\"feedProcessingFinishedNotification\":{\"sellerId\":\"" + SnapStartPriming.RESERVED_SELLER + "\","
                + "\"feedId\":\"" + SnapStartPriming.RESERVED_SELLER + "\",\"feedType\":\"POST_PAYMENT_ADJUSTMENT_DATA\","
                + "\"processingStatus\":\"DONE\",\"resultFeedDocumentId\":\"" + SnapStartPriming.RESERVED_SELLER + "\"}},"
                + "\"NotificationMetadata\":{\"ApplicationId\":\"priming\",\"SubscriptionId\":\"priming\","
                + "\"PublishTime\":\"2026-01-01T00:00:00.000Z\",\"NotificationId\":\"" + SnapStartPriming.RESERVED_SELLER + "\"}}");
        SQSEvent event = new SQSEvent();
        event.setRecords(java.util.List.of(message));
        SQSBatchResponse response = handleRequest(event, null);
        if (!response.getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the priming notification was not acknowledged");
        }
    }

    public FeedNotificationHandler(ActionsWiring wiring) {
        this.results = wiring.results();
        this.batch = new SqsBatch("feed-notifications", wiring.deadLetters(), wiring.clock());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try {
            return batch.process(event, context, this::process);
        } finally {
            Metrics.flush(); // this invocation's own CloudWatch figures (template.yaml: OperationsDashboard)
        }
    }

    private SqsBatch.Outcome process(SQSEvent.SQSMessage record) {
        SpApiNotification n;
        try {
            n = SpApiNotifications.parse(record.getBody());
        } catch (RuntimeException poison) {
            throw new PoisonMessageException("not an SP-API notification: " + poison.getMessage());
        }
        if (!(n instanceof SpApiNotification.FeedProcessingFinished f)) {
            LOG.info("notification {} of type {} ignored by the actions handler", record.getMessageId(), n.notificationType());
            return SqsBatch.DONE;
        }
        if (f.sellerId().isEmpty()) {
            throw new PoisonMessageException("FEED_PROCESSING_FINISHED for feed " + f.feedId() + " without sellerId (the poller will settle it)");
        }
        results.feedFinished(f.sellerId().get(), f.feedId(), f.processingStatus(), f.resultFeedDocumentId());
        return SqsBatch.DONE;
    }

    /** Built on first use by the runtime constructor only. */
    static final class Holder {
        static final ActionsWiring WIRING = ActionsWiring.fromEnvironment();

        private Holder() {
        }
    }
}
