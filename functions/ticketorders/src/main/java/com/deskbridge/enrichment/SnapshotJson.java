package com.deskbridge.enrichment;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.TrackingEvent;
import com.deskbridge.logistics.TrackingLink;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A {@link TrackingSnapshot} as JSON, for the tracking cache item. */
final class SnapshotJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotJson() {
    }

    static String write(TrackingSnapshot s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("carrier", s.carrier().name());
        n.put("trackingNumber", s.trackingNumber());
        n.put("status", s.status().name());
        n.put("rawStatusCode", s.rawStatusCode());
        n.put("rawStatusText", s.rawStatusText());
        n.put("returnToSender", s.returnToSender());
        n.put("incidentReason", s.incidentReason() == null ? null : s.incidentReason().name());
        n.put("estimatedDelivery", s.estimatedDelivery() == null ? null : s.estimatedDelivery().toString());
        n.put("lastLocation", s.lastLocation());
        n.put("observedAt", s.observedAt().toString());
        if (s.link() != null) {
            n.put("link", s.link().url());
            n.put("linkLowConfidence", s.link().lowConfidence());
        }
        ArrayNode events = n.putArray("events");
        for (TrackingEvent e : s.events()) {
            ObjectNode en = events.addObject();
            en.put("at", e.occurredAt().toString());
            en.put("status", e.status().name());
            en.put("rawCode", e.rawCode());
            en.put("rawText", e.rawText());
            en.put("location", e.location());
            en.put("incidentReason", e.incidentReason() == null ? null : e.incidentReason().name());
        }
        return n.toString();
    }

    static TrackingSnapshot read(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cached tracking snapshot is not JSON", e);
        }
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonNode e : n.path("events")) {
            events.add(new TrackingEvent(Instant.parse(e.get("at").asText()), TrackingStatus.valueOf(e.get("status").asText()),
                    text(e, "rawCode"), text(e, "rawText"), text(e, "location"), incident(text(e, "incidentReason"))));
        }
        String link = text(n, "link");
        return new TrackingSnapshot(Carrier.valueOf(n.get("carrier").asText()), n.get("trackingNumber").asText(),
                TrackingStatus.valueOf(n.get("status").asText()), text(n, "rawStatusCode"), text(n, "rawStatusText"),
                n.path("returnToSender").asBoolean(false), incident(text(n, "incidentReason")), instant(text(n, "estimatedDelivery")),
                text(n, "lastLocation"), events, Instant.parse(n.get("observedAt").asText()),
                link == null ? null : new TrackingLink(link, n.path("linkLowConfidence").asBoolean(false)));
    }

    private static IncidentReason incident(String v) {
        return v == null ? null : IncidentReason.valueOf(v);
    }

    private static Instant instant(String v) {
        return v == null ? null : Instant.parse(v);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
