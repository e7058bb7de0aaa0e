package com.deskbridge.enrichment;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.metrics.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.adapters.logging.JsonLogging;
import java.util.Map;

/**
 * Lambda entry point for the tracking refresh schedule (EventBridge Scheduler / rate rule): queues SCHEDULED_REFRESH
 * requests for in-transit parcels that are due, within each carrier's remaining shared budget ({@link TrackingRefresh}).
 * The event's content is not used.
 */
public final class TrackingRefreshHandler implements RequestHandler<Map<String, Object>, Map<String, Integer>> {

    static {
        JsonLogging.install();
    }

    private final TrackingRefresh refresh;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime. */
    public TrackingRefreshHandler() {
        this(EnrichmentWiring.fromEnvironment());
        priming = SnapStartPriming.register(TrackingRefreshHandler.class, refresh::prime); // reads only (TrackingRefresh#prime)
    }

    public TrackingRefreshHandler(EnrichmentWiring wiring) {
        this.refresh = wiring.scheduledRefresh();
    }

    @Override
    public Map<String, Integer> handleRequest(Map<String, Object> event, Context context) {
        try {
            return Correlation.invocation(context, () -> handle(event, context));
        } finally {
            Metrics.flush(); // this invocation's own CloudWatch figures (template.yaml: OperationsDashboard)
        }
    }

    private Map<String, Integer> handle(Map<String, Object> event, Context context) {
        TrackingRefresh.Report r = refresh.run();
        return Map.of("due", r.due(), "planned", r.planned(), "requestsQueued", r.requestsQueued());
    }
}
