package com.deskbridge.adapters.settings;

import com.deskbridge.domain.sla.ChannelDeadlines;
import com.deskbridge.domain.sla.SellerSlaPolicy;
import com.deskbridge.domain.sla.SlaPolicies;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A seller's SLA policy as JSON: the body of {@code PUT /sla-policy} and what the tickets table stores. Parsing
 * validates everything (the domain's builder names the offending field); unknown fields are rejected so that a
 * typo never silently falls back to a default.
 *
 * <pre>{@code
 * {"timeZone": "Europe/Berlin",
 *  "businessHours": {"mon": [{"opens": "09:00", "closes": "17:00"}], "tue": [...], ...},
 *  "holidays": ["2026-12-25"],
 *  "targetInsideMinutes": 360, "targetOutsideMinutes": 720, "atRiskShare": 0.75,
 *  "channels": {"ebay": { ...the same policy fields... }},
 *  "channelDeadlineHours": {"ebay": 48, "shopify": 72, "email": 72}}
 * }</pre>
 */
public final class SlaPolicyJson {
    private static final Set<String> POLICY_FIELDS = Set.of("timeZone", "businessHours", "holidays",
            "targetInsideMinutes", "targetOutsideMinutes", "atRiskShare");
    private static final Set<String> TOP_FIELDS = Set.of("timeZone", "businessHours", "holidays", "targetInsideMinutes",
            "targetOutsideMinutes", "atRiskShare", "channels", "channelDeadlineHours");
    private static final int MAX_DOCUMENT_CHARS = 20_000;


    /**
     * The policy every seller has until it stores its own: business hours Monday to Friday 09:00-17:00 in
     * {@code timeZone}, targets 6 h inside and 12 h outside business hours, at risk at 75 % of the window.
     */
    public static String defaultDocument(String timeZone) {
        String day = "[{\"opens\":\"09:00\",\"closes\":\"17:00\"}]";
        return "{\"timeZone\":\"" + timeZone + "\",\"businessHours\":{\"mon\":" + day + ",\"tue\":" + day
                + ",\"wed\":" + day + ",\"thu\":" + day + ",\"fri\":" + day + "},\"holidays\":[],"
                + "\"targetInsideMinutes\":360,\"targetOutsideMinutes\":720,\"atRiskShare\":0.75}";
    }

    /** @throws InvalidInputException naming the field, for malformed JSON too ({@code body}) */
    public SlaPolicies parse(String document) {
        JsonNode root = SettingsDocument.object(document, MAX_DOCUMENT_CHARS);
        rejectUnknown(root, TOP_FIELDS, "");
        SlaPolicies policies = SlaPolicies.of(policy(root, ""));
        JsonNode channels = root.path("channels");
        if (!channels.isMissingNode() && !channels.isNull()) {
            object(channels, "channels");
            for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String prefix = "channels." + e.getKey() + ".";
                Channel channel = Channel.parse(e.getKey(), "channels." + e.getKey());
                object(e.getValue(), "channels." + e.getKey());
                rejectUnknown(e.getValue(), POLICY_FIELDS, prefix);
                policies = policies.withOverride(channel, policy(e.getValue(), prefix));
            }
        }
        JsonNode deadlines = root.path("channelDeadlineHours");
        if (!deadlines.isMissingNode() && !deadlines.isNull()) {
            object(deadlines, "channelDeadlineHours");
            ChannelDeadlines d = ChannelDeadlines.defaults();
            for (Iterator<Map.Entry<String, JsonNode>> it = deadlines.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber()) {
                    throw new InvalidInputException("channelDeadlineHours." + e.getKey(), "must be a whole number of hours");
                }
                d = d.withHours(e.getKey(), e.getValue().asLong());
            }
            policies = policies.withDeadlines(d);
        }
        return policies;
    }

    private static SellerSlaPolicy policy(JsonNode node, String prefix) {
        SellerSlaPolicy.Builder b = SellerSlaPolicy.builder();
        JsonNode zone = node.get("timeZone");
        if (zone == null || !zone.isTextual()) {
            throw new InvalidInputException(prefix + "timeZone", "is required (an IANA zone id such as Europe/Berlin)");
        }
        b.timeZone(zone.asText());
        JsonNode hours = node.path("businessHours");
        if (!hours.isMissingNode() && !hours.isNull()) {
            object(hours, prefix + "businessHours");
            for (Iterator<Map.Entry<String, JsonNode>> it = hours.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> day = it.next();
                String field = prefix + "businessHours." + day.getKey();
                if (!day.getValue().isArray()) {
                    throw new InvalidInputException(field, "must be a list of {opens, closes} windows");
                }
                for (JsonNode window : day.getValue()) {
                    b.open(day.getKey(), text(window, "opens", field), text(window, "closes", field));
                }
            }
        }
        JsonNode holidays = node.path("holidays");
        if (!holidays.isMissingNode() && !holidays.isNull()) {
            if (!holidays.isArray()) {
                throw new InvalidInputException(prefix + "holidays", "must be a list of ISO dates");
            }
            holidays.forEach(h -> b.holiday(h.asText()));
        }
        if (node.has("targetInsideMinutes")) {
            b.targetInsideMinutes(whole(node, "targetInsideMinutes", prefix));
        }
        if (node.has("targetOutsideMinutes")) {
            b.targetOutsideMinutes(whole(node, "targetOutsideMinutes", prefix));
        }
        if (node.has("atRiskShare")) {
            if (!node.get("atRiskShare").isNumber()) {
                throw new InvalidInputException(prefix + "atRiskShare", "must be a number between 0 and 1");
            }
            b.atRiskShare(node.get("atRiskShare").asDouble());
        }
        return b.build();
    }

    private static long whole(JsonNode node, String name, String prefix) {
        JsonNode v = node.get(name);
        if (!v.isIntegralNumber()) {
            throw new InvalidInputException(prefix + name, "must be a whole number of minutes");
        }
        return v.asLong();
    }

    private static String text(JsonNode window, String name, String field) {
        JsonNode v = window.get(name);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException(field + "." + name, "is required (HH:mm)");
        }
        return v.asText();
    }

    private static void object(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new InvalidInputException(field, "must be a JSON object");
        }
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new InvalidInputException(prefix + name, "is not a field of an SLA policy");
            }
        });
    }
}
