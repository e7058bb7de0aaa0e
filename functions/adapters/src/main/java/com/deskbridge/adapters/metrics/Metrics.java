package com.deskbridge.adapters.metrics;

import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.logging.Correlation;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The functions' own CloudWatch metrics, in embedded metric format: counts gathered during an invocation and written
 * by {@link #flush()} as one JSON line per dimension value (and correlation id, a property) on standard output, which Lambda sends to CloudWatch Logs,
 * which extracts the metrics (no API call, no permission):
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html.
 * The namespace is {@code METRICS_NAMESPACE} (template.yaml: {@code Deskbridge/<stage>}); template.yaml's dashboard
 * shows them. Every metric has exactly one dimension with few values (no seller, ticket or message ids: each distinct
 * value is a metric CloudWatch bills).
 */
public final class Metrics {
    /** Refunds and cancellations Amazon answered, by {@code Outcome} (COMPLETED, FAILED, ATTENTION_REQUIRED). */
    public static final String FEED_ACTIONS = "FeedActions";
    /** SLA milestones the sweep published, by {@code EventType} (SlaBreached, SlaTargetBreached, SlaAtRisk, ...). */
    public static final String SLA_EVENTS = "SlaEvents";
    /** Permits taken from a shared upstream budget, by {@code Quota} (carrier#dhl, spapi#getOrder, ...). */
    public static final String QUOTA_TAKEN = "QuotaTaken";
    /** Permits a shared upstream budget refused, by {@code Quota}. */
    public static final String QUOTA_DENIED = "QuotaDenied";

    /** One count: its dimension and value, the metric, and the correlation id of the work that counted it (or null). */
    private record Key(String dimension, String value, String metric, String correlationId) {
    }

    private static final Map<Key, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private Metrics() {
    }

    /**
     * Adds {@code n} to a count of this invocation, under the correlation id of the work being done
     * ({@link Correlation#current()}): the line it is written on carries that id as a property (not a dimension, so
     * it costs no metric), and a batch whose records belong to several chains writes one line per chain.
     */
    public static void count(String metric, String dimension, String value, long n) {
        COUNTS.computeIfAbsent(new Key(dimension, value, metric, Correlation.current().orElse(null)), k -> new LongAdder()).add(n);
    }

    /** Writes what was counted since the last flush to standard output, and starts again. */
    public static void flush() {
        flush(System.out, Clock.systemUTC());
    }

    static void flush(PrintStream out, Clock clock) {
        Map<List<String>, Map<String, Long>> documents = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (Key key : new ArrayList<>(COUNTS.keySet())) {
            LongAdder adder = COUNTS.remove(key);
            long sum = adder == null ? 0 : adder.sum();
            if (sum != 0) {
                documents.computeIfAbsent(java.util.Arrays.asList(key.dimension(), key.value(), key.correlationId()),
                                k -> new TreeMap<>())
                        .merge(key.metric(), sum, Long::sum);
            }
        }
        String namespace = Env.get("METRICS_NAMESPACE").orElse("Deskbridge/local");
        long timestamp = clock.millis();
        documents.forEach((dimension, metrics) -> {
            StringBuilder line = new StringBuilder("{\"_aws\":{\"Timestamp\":").append(timestamp)
                    .append(",\"CloudWatchMetrics\":[{\"Namespace\":").append(quote(namespace))
                    .append(",\"Dimensions\":[[").append(quote(dimension.get(0))).append("]],\"Metrics\":[");
            String separator = "";
            for (String metric : metrics.keySet()) {
                line.append(separator).append("{\"Name\":").append(quote(metric)).append(",\"Unit\":\"Count\"}");
                separator = ",";
            }
            line.append("]}]},").append(quote(dimension.get(0))).append(':').append(quote(dimension.get(1)));
            if (dimension.get(2) != null) {
                // a property, not a dimension: CloudWatch keeps it in the log event for Logs Insights, bills no metric
                line.append(',').append(quote(Correlation.MDC_KEY)).append(':').append(quote(dimension.get(2)));
            }
            metrics.forEach((metric, value) -> line.append(',').append(quote(metric)).append(':').append(value));
            out.println(line.append('}'));
        });
        out.flush();
    }

    private static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }
}
