package com.deskbridge.actions;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.metrics.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.sqs.SqsBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda on the SQS "actions" queue: a message only says that a seller has new queued actions, so one submitter run
 * per batch serves all of them (the batching window groups actions into fewer feeds). A failed run, whatever failed,
 * fails the whole batch ({@link SqsBatch#processAsOne}) so SQS redelivers it; the submitter is idempotent, so
 * redelivery is harmless.
 */
public final class ActionsQueueHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ActionsQueueHandler.class);

    static {
        JsonLogging.install();
    }

    private final FeedSubmitter submitter;
    private final SqsBatch batch;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    public ActionsQueueHandler() {
        this(FeedNotificationHandler.Holder.WIRING);
        priming = SnapStartPriming.register(ActionsQueueHandler.class, null);
    }

    public ActionsQueueHandler(ActionsWiring wiring) {
        this.submitter = wiring.submitter();
        this.batch = new SqsBatch("actions", wiring.deadLetters(), wiring.clock());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try {
            return handle(event);
        } finally {
            Metrics.flush(); // this invocation's own CloudWatch figures (template.yaml: OperationsDashboard)
        }
    }

    private SQSBatchResponse handle(SQSEvent event) {
        int triggers = event == null || event.getRecords() == null ? 0 : event.getRecords().size();
        return batch.processAsOne(event, () -> {
            FeedSubmitter.Run run = submitter.run();
            LOG.info("submitter run for {} trigger(s): {} feeds, {} actions submitted, {} deferred, {} recovered", triggers,
                    run.feedsSubmitted(), run.actionsSubmitted(), run.deferred(), run.recovered());
        });
    }
}
