package com.deskbridge.adapters.logging;

import com.deskbridge.adapters.config.Env;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Structured security events (issue 12, "Security events"): one JSON line each on stdout, which is at once a log
 * record operators can search ({@code "event":"security"}, {@code "type"}) and a CloudWatch metric in the embedded
 * metric format (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * namespace {@value #NAMESPACE}, the metric named by the event, dimension Stage (template.yaml alarms on it). The
 * details are ids, limits and reasons, never buyer text or credentials.
 */
public final class SecurityEvents {
    public static final String NAMESPACE = "Deskbridge/Security";
    /** A relay e-mail refused for breaking a limit (nesting, parts, headers, size, parse time). */
    public static final String RELAY_MAIL_REFUSED = "RelayMailRefused";
    /** A seller over its share of the intake queue: its messages go to the overflow queue. */
    public static final String INTAKE_FLOOD = "IntakeFlood";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Clock clock;
    private final String stage;

    public SecurityEvents(PrintStream out, Clock clock, String stage) {
        this.out = Objects.requireNonNull(out);
        this.clock = Objects.requireNonNull(clock);
        this.stage = Objects.requireNonNull(stage);
    }

    /** On stdout, for the stage template.yaml names (DESKBRIDGE_STAGE; "local" elsewhere). */
    public static SecurityEvents standard() {
        return new SecurityEvents(System.out, Clock.systemUTC(), Env.get("DESKBRIDGE_STAGE").orElse("local"));
    }

    /**
     * Records one event.
     *
     * @param metric  the event's type and metric name, e.g. {@link #RELAY_MAIL_REFUSED}
     * @param details ids and reasons (no buyer text); values are written as strings
     */
    public void record(String metric, Map<String, String> details) {
        long now = clock.millis();
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", java.time.Instant.ofEpochMilli(now).toString());
        line.put("level", "WARN");
        line.put("logger", "security");
        line.put("event", "security");
        line.put("type", metric);
        details.forEach((k, v) -> line.put(k, v == null ? null : v.length() > 500 ? v.substring(0, 500) : v));
        line.put("Stage", stage);
        // the chain the event belongs to, as a property (not a dimension: no metric per id)
        Correlation.current().ifPresent(id -> line.put(Correlation.MDC_KEY, id));
        line.put(metric, 1);
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", now);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions");
        dimensions.addArray().add("Stage");
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
