package com.deskbridge.adapters.settings;

import com.deskbridge.audit.AuditSettings;
import com.deskbridge.domain.ticket.AgentText;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A seller's audit settings as JSON: the body of {@code PUT /audit-settings} and what the tickets table stores.
 *
 * <pre>{@code
 * {"schedule": "quarterly", "sampleSize": 50,
 *  "rules": [{"id": "no-guarantee", "phrase": "guaranteed delivery", "alternative": "We expect delivery by ..."}]}
 * }</pre>
 * Every member is optional (defaults: quarterly, 50, no rules); the first problem names its field.
 */
public final class AuditSettingsJson {
    public static final String DEFAULT_DOCUMENT = "{\"schedule\":\"quarterly\",\"sampleSize\":50,\"rules\":[]}";
    private static final Set<String> FIELDS = Set.of("schedule", "sampleSize", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("id", "phrase", "alternative");
    private static final int MAX_DOCUMENT_CHARS = 50_000;

    /** @throws InvalidInputException naming the field */
    public AuditSettings parse(String document) {
        JsonNode root = SettingsDocument.object(document, MAX_DOCUMENT_CHARS);
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException(name, "is not a field of the audit settings");
            }
        });
        AuditSettings.Schedule schedule = AuditSettings.DEFAULT.schedule();
        if (root.has("schedule")) {
            JsonNode s = root.get("schedule");
            schedule = AuditSettings.Schedule.fromWire(s.isTextual() ? s.asText() : "").orElseThrow(() ->
                    new InvalidInputException("schedule", "must be one of quarterly, monthly, off"));
        }
        int sampleSize = AuditSettings.DEFAULT.sampleSize();
        if (root.has("sampleSize")) {
            JsonNode n = root.get("sampleSize");
            if (!n.isIntegralNumber() || n.asLong() < AuditSettings.MIN_SAMPLE || n.asLong() > AuditSettings.MAX_SAMPLE) {
                throw new InvalidInputException("sampleSize", "must be a whole number from " + AuditSettings.MIN_SAMPLE
                        + " to " + AuditSettings.MAX_SAMPLE);
            }
            sampleSize = n.asInt();
        }
        List<AuditSettings.SellerRule> rules = new ArrayList<>();
        if (root.has("rules")) {
            JsonNode list = root.get("rules");
            if (!list.isArray() || list.size() > AuditSettings.MAX_RULES) {
                throw new InvalidInputException("rules", "must be an array of at most " + AuditSettings.MAX_RULES + " rules");
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                rules.add(rule(list.get(i), "rules[" + i + "]", ids));
            }
        }
        return new AuditSettings(schedule, sampleSize, rules);
    }

    private static AuditSettings.SellerRule rule(JsonNode r, String at, Set<String> ids) {
        if (!r.isObject()) {
            throw new InvalidInputException(at, "must be an object");
        }
        r.fieldNames().forEachRemaining(name -> {
            if (!RULE_FIELDS.contains(name)) {
                throw new InvalidInputException(at + "." + name, "is not a field of an audit rule");
            }
        });
        String id = r.path("id").isTextual() ? r.get("id").asText() : "";
        if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new InvalidInputException(at + ".id", "must be 1 to 40 lower-case letters, digits or -");
        }
        if (!ids.add(id)) {
            throw new InvalidInputException(at + ".id", "is used by another rule");
        }
        String phrase = AgentText.check(r.path("phrase").isTextual() ? r.get("phrase").asText() : null, at + ".phrase", false);
        if (phrase == null || phrase.isBlank() || phrase.strip().length() < 3 || phrase.length() > 200) {
            throw new InvalidInputException(at + ".phrase", "must be 3 to 200 characters");
        }
        String alternative = null;
        if (r.has("alternative") && !r.get("alternative").isNull()) {
            alternative = AgentText.check(r.get("alternative").isTextual() ? r.get("alternative").asText() : null,
                    at + ".alternative", false);
            if (alternative == null || alternative.isBlank() || alternative.length() > 500) {
                throw new InvalidInputException(at + ".alternative", "must be 1 to 500 characters");
            }
        }
        return new AuditSettings.SellerRule(id, phrase.strip(), alternative);
    }
}
