package com.deskbridge.adapters.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A security event is one JSON line: a searchable log record and a CloudWatch EMF metric. */
class SecurityEventsTest {

    @Test
    void anEventIsAStructuredLogLineAndAnEmbeddedMetric() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SecurityEvents events = new SecurityEvents(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC), "prod");
        Map<String, String> details = new LinkedHashMap<>();
        details.put("sellerId", "A2SELLER");
        details.put("messageId", "m-1");
        details.put("limit", "NESTING_DEPTH");

        Correlation.begin("corr-sec-1");
        try {
            events.record(SecurityEvents.RELAY_MAIL_REFUSED, details);
        } finally {
            Correlation.clear();
        }

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(out);
        assertThat(line.get("event").asText()).isEqualTo("security");
        assertThat(line.get("type").asText()).isEqualTo("RelayMailRefused");
        assertThat(line.get("sellerId").asText()).isEqualTo("A2SELLER");
        assertThat(line.get("RelayMailRefused").asInt()).isEqualTo(1);
        assertThat(line.get("Stage").asText()).isEqualTo("prod");
        JsonNode emf = line.get("_aws");
        assertThat(emf.get("Timestamp").asLong()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z").toEpochMilli());
        JsonNode directive = emf.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("Deskbridge/Security");
        assertThat(directive.get("Dimensions").get(0).get(0).asText()).isEqualTo("Stage");
        assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo("RelayMailRefused");
        assertThat(line.get("correlationId").asText()).as("the chain's id, a property").isEqualTo("corr-sec-1");
        assertThat(directive.get("Dimensions").get(0)).as("never a dimension").hasSize(1);
    }
}
