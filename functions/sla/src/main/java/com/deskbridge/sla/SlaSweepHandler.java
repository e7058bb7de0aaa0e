package com.deskbridge.sla;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.deskbridge.adapters.metrics.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbDueIndex;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.domain.escalation.SlaSweep;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Lambda entry point for the SLA sweep (template.yaml: SlaSweepFunction, on an EventBridge schedule). The schedule's
 * event carries nothing the sweep needs: it sweeps up to the current time.
 */
public final class SlaSweepHandler implements RequestHandler<Map<String, Object>, SlaSweep.Report> {
    private static final Logger LOG = LoggerFactory.getLogger(SlaSweepHandler.class);

    static {
        JsonLogging.install();
    }

    private final SlaSweep sweep;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: real adapters from the environment template.yaml sets. */
    public SlaSweepHandler() {
        this(new SlaSweep(
                new DynamoDbDueIndex(AwsClients.dynamoDb(), Env.require("TICKETS_TABLE")),
                new EventBridgePublisher(AwsClients.configure(EventBridgeClient.builder(), "EVENTBRIDGE").build(),
                        Env.require("EVENT_BUS_NAME")),
                Clock.systemUTC()));
        // priming: the sweep's reads of every shard of the due index (SlaSweep#peek): nothing fires, nothing is published
        priming = SnapStartPriming.register(SlaSweepHandler.class, sweep::peek);
    }

    public SlaSweepHandler(SlaSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public SlaSweep.Report handleRequest(Map<String, Object> scheduledEvent, Context context) {
        try {
            return Correlation.invocation(context, () -> handle(scheduledEvent, context));
        } finally {
            Metrics.flush(); // this invocation's own CloudWatch figures (template.yaml: OperationsDashboard)
        }
    }

    private SlaSweep.Report handle(Map<String, Object> scheduledEvent, Context context) {
        SlaSweep.Report report = sweep.run();
        LOG.info("sla sweep due={} fired={} published={} lostRaces={} publishFailures={}", report.due(), report.fired(),
                report.published(), report.lostRaces(), report.publishFailures());
        if (report.publishFailures() > 0) {
            // The events stay in their tickets' outboxes and the next sweep publishes them; failing the invocation
            // makes the SlaSweepErrorsAlarm see it.
            throw new IllegalStateException(report.publishFailures() + " ticket(s) could not publish their SLA events;"
                    + " they stay due and the next sweep retries");
        }
        return report;
    }
}
