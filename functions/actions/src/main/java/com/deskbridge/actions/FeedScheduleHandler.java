package com.deskbridge.actions;

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

    public FeedScheduleHandler() {
        this(FeedNotificationHandler.Holder.WIRING);
        priming = SnapStartPriming.register(FeedScheduleHandler.class, null);
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
