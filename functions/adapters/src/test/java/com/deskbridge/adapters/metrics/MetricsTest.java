package com.deskbridge.adapters.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.logging.Correlation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneEmbeddedMetricFormatLinePerDimensionValueWithTheSumsAndThenNothing() throws Exception {
        Metrics.count(Metrics.SLA_EVENTS, "EventType", "SlaBreached", 1);
        Metrics.count(Metrics.SLA_EVENTS, "EventType", "SlaBreached", 2);
        Metrics.count(Metrics.SLA_EVENTS, "EventType", "SlaAtRisk", 1);
        Metrics.count(Metrics.QUOTA_TAKEN, "Quota", "carrier#dhl", 4);
        Metrics.count(Metrics.QUOTA_DENIED, "Quota", "carrier#dhl", 1);
        List<JsonNode> lines = flush();
        assertThat(lines).hasSize(3);
        JsonNode breached = lines.stream().filter(l -> "SlaBreached".equals(l.path("EventType").asText())).findFirst().orElseThrow();
        assertThat(breached.path("SlaEvents").asLong()).isEqualTo(3);
        JsonNode directive = breached.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(breached.path("_aws").path("Timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Deskbridge/local");
        assertThat(directive.path("Dimensions").get(0)).extracting(JsonNode::asText).containsExactly("EventType");
        assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("SlaEvents");
        assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
        JsonNode dhl = lines.stream().filter(l -> "carrier#dhl".equals(l.path("Quota").asText())).findFirst().orElseThrow();
        assertThat(dhl.path("QuotaTaken").asLong()).isEqualTo(4);
        assertThat(dhl.path("QuotaDenied").asLong()).isEqualTo(1);
        assertThat(dhl.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics")).hasSize(2);

        assertThat(flush()).as("a flush starts the counts again").isEmpty();
    }

    @Test
    void eachLineCarriesTheCorrelationIdOfTheWorkThatCountedAsAPropertyNotADimension() throws Exception {
        Correlation.begin("corr-a");
        Metrics.count(Metrics.QUOTA_TAKEN, "Quota", "carrier#ups", 1);
        Metrics.count(Metrics.QUOTA_TAKEN, "Quota", "carrier#ups", 1);
        Correlation.begin("corr-b");
        Metrics.count(Metrics.QUOTA_TAKEN, "Quota", "carrier#ups", 1);
        Correlation.clear();
        Metrics.count(Metrics.QUOTA_DENIED, "Quota", "carrier#ups", 1);

        List<JsonNode> lines = flush();
        assertThat(lines).as("one line per correlation id (and one for the count made outside any chain)").hasSize(3);
        JsonNode a = lines.stream().filter(l -> "corr-a".equals(l.path("correlationId").asText())).findFirst().orElseThrow();
        assertThat(a.path("QuotaTaken").asLong()).isEqualTo(2);
        JsonNode b = lines.stream().filter(l -> "corr-b".equals(l.path("correlationId").asText())).findFirst().orElseThrow();
        assertThat(b.path("QuotaTaken").asLong()).isEqualTo(1);
        JsonNode none = lines.stream().filter(l -> !l.has("correlationId")).findFirst().orElseThrow();
        assertThat(none.path("QuotaDenied").asLong()).isEqualTo(1);
        for (JsonNode line : lines) {
            assertThat(line.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").get(0))
                    .extracting(JsonNode::asText).as("the id is no dimension").containsExactly("Quota");
        }
    }

    private static List<JsonNode> flush() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Metrics.flush(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
