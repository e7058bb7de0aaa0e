package com.deskbridge.actions;

import com.deskbridge.adapters.aws.PrimingWrites;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.metrics.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.adapters.logging.JsonLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda on a 1-minute EventBridge schedule: submits what lost triggers or an exhausted createFeed budget left queued,
 * recovers crashed feed attempts, polls feeds without a notification ({@link FeedPoller}), and confirms the eBay and
 * Shopify actions their channel has not settled yet ({@link ChannelConfirmations}).
 */
public final class FeedScheduleHandler implements RequestHandler<ScheduledEvent, String> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedScheduleHandler.class);

    static {
        JsonLogging.install();
    }

    private final FeedSubmitter submitter;
    private final FeedPoller poller;
    private final ChannelConfirmations confirmations;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /**
     * Used by the Lambda runtime: its own wiring (not the queue handlers' shared one), whose clients refuse every write
     * and find the work queues empty while its SnapStart priming runs ({@link ActionsWiring#fromEnvironment(PrimingWrites)}).
     */
    public FeedScheduleHandler() {
        this(new PrimingWrites());
    }

    private FeedScheduleHandler(PrimingWrites writes) {
        this(ActionsWiring.fromEnvironment(writes));
        priming = SnapStartPriming.register(FeedScheduleHandler.class, () -> writes.during(this::prime),
                SnapStartPriming.WRITE_PATH_ROUNDS);
    }

    /**
     * SnapStart priming: a scheduled run, as EventBridge sends it, through the whole path of a run that finds no work
     * (the submitter's recovery and queue, the batcher, the poller, the channel confirmations, the summary, the
     * metrics flush), on clients that read the work queues' reserved partition and refuse writes: nothing is read of
     * any seller, written, submitted or asked of Amazon, eBay or Shopify.
     */
    private void prime() {
        String summary = handleRequest(new ScheduledEvent(), null);
        if (!summary.matches("(\\w+=0 ?)+")) { // every count 0: it found no work, so it did none
            throw new IllegalStateException("the priming run found work: " + summary);
        }
    }

    public FeedScheduleHandler(ActionsWiring wiring) {
        this.submitter = wiring.submitter();
        this.poller = wiring.poller();
        this.confirmations = wiring.confirmations();
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        try {
            return Correlation.invocation(context, () -> handle(event, context));
        } finally {
            Metrics.flush(); // this invocation's own CloudWatch figures (template.yaml: OperationsDashboard)
        }
    }

    private String handle(ScheduledEvent event, Context context) {
        FeedSubmitter.Run run = submitter.run();
        FeedPoller.Poll poll = poller.run();
        ChannelConfirmations.Run confirmed = confirmations.run();
        String summary = "feeds=" + run.feedsSubmitted() + " submitted=" + run.actionsSubmitted() + " deferred=" + run.deferred()
                + " recovered=" + run.recovered() + " polled=" + poll.polled() + " finished=" + poll.finished()
                + " attention=" + poll.attention() + " channelChecked=" + confirmed.checked() + " channelCompleted="
                + confirmed.completed() + " channelFailed=" + confirmed.failed() + " channelAttention=" + confirmed.attention()
                + " channelUnavailable=" + confirmed.unavailable();
        LOG.info("actions schedule: {}", summary);
        return summary;
    }
}
