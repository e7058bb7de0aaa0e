package com.deskbridge.sla;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbSlaMetricsArchive;
import com.deskbridge.adapters.dynamodb.ResponseRecords;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.domain.sla.DailySlaMetrics;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point of the nightly SLA report (template.yaml: DailySlaMetricsFunction, daily schedule). Reports
 * yesterday (UTC); an event with {@code {"day": "2026-11-20"}} reports that day instead (re-runs, backfills).
 */
public final class DailySlaMetricsHandler implements RequestHandler<Map<String, Object>, Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DailySlaMetricsHandler.class);

    static {
        JsonLogging.install();
    }

    private final DailySlaMetrics metrics;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: real adapters from the environment template.yaml sets. */
    public DailySlaMetricsHandler() {
        this(daily(Env.require("TICKETS_TABLE")));
        priming = SnapStartPriming.register(DailySlaMetricsHandler.class, this::prime);
    }

    public DailySlaMetricsHandler(DailySlaMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * SnapStart priming: the daily run for {@value #PRIMING_DAY}, a day before Deskbridge existed. No seller has an
     * activity marker for it (markers are written on the day of the activity and expire), so the run reads the
     * day's empty marker partitions - the same queries as a real run - and writes no report.
     */
    void prime() {
        int reported = metrics.report(LocalDate.parse(PRIMING_DAY));
        if (reported != 0) {
            throw new IllegalStateException("sellers were active on " + PRIMING_DAY);
        }
    }

    static final String PRIMING_DAY = "2000-01-03";

    private static DailySlaMetrics daily(String table) {
        var dynamo = AwsClients.dynamoDb();
        return new DailySlaMetrics(new DynamoDbSlaMetricsArchive(dynamo, table), new ResponseRecords(dynamo, table),
                Clock.systemUTC());
    }

    @Override
    public Integer handleRequest(Map<String, Object> event, Context context) {
        return Correlation.invocation(context, () -> {
            Object day = event == null ? null : event.get("day");
            int sellers = day instanceof String d ? metrics.report(LocalDate.parse(d)) : metrics.reportYesterday();
            LOG.info("daily SLA metrics: {} seller(s) reported for {}", sellers, day == null ? "yesterday" : day);
            return sellers;
        });
    }
}
