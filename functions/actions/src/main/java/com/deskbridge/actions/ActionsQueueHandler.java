package com.deskbridge.actions;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.metrics.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.logging.JsonLogging;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda on the SQS "actions" queue: a message only says that a seller has new queued actions, so one submitter run
 * per batch serves all of them (the batching window groups actions into fewer feeds). A failed run fails the whole
 * batch so SQS redelivers it; the submitter is idempotent, so redelivery is harmless.
 */
public final class ActionsQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ActionsQueueHandler.class);

    static {
        JsonLogging.install();
    }

    private final FeedSubmitter submitter;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    public ActionsQueueHandler() {
        this(FeedNotificationHandler.Holder.WIRING);
        priming = SnapStartPriming.register(ActionsQueueHandler.class, null);
    }

    public ActionsQueueHandler(ActionsWiring wiring) {
        this.submitter = wiring.submitter();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try {
            return handle(event, context);
        } finally {
            Metrics.flush(); // this invocation's own CloudWatch figures (template.yaml: OperationsDashboard)
        }
    }

    private SQSBatchResponse handle(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        try {
            FeedSubmitter.Run run = submitter.run();
            LOG.info("submitter run for {} trigger(s): {} feeds, {} actions submitted, {} deferred, {} recovered", records.size(),
                    run.feedsSubmitted(), run.actionsSubmitted(), run.deferred(), run.recovered());
            return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
        } catch (RuntimeException e) {
            LOG.warn("submitter run failed, batch will be redelivered: {}", e.toString());
            return SQSBatchResponse.builder().withBatchItemFailures(records.stream()
                    .map(r -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(r.getMessageId()).build()).toList()).build();
        }
    }
}
