package com.deskbridge.adapters.settings;

import com.deskbridge.domain.ticket.AgentText;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.intent.RuleKind;
import com.deskbridge.intent.SellerTagRule;
import com.deskbridge.intent.Tagger;
import com.deskbridge.intent.TicketField;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A seller's own tag rules as JSON: the body of {@code PUT /tag-rules} and what the tickets table stores.
 *
 * <pre>{@code
 * {"rules": [{"name": "warranty", "kind": "KEYWORD", "pattern": "warranty", "tag": "warranty"},
 *            {"name": "invoice", "kind": "REGEX", "pattern": "\\binvoice|rechnung\\b", "tag": "invoice",
 *             "fields": ["subject"]}]}
 * }</pre>
 * Parsing validates every rule (the rule names the field: {@code rules[1].pattern}) and the set as a whole.
 */
public final class TagRulesJson {
    private static final Set<String> RULE_FIELDS = Set.of("name", "kind", "pattern", "tag", "fields");
    private static final int MAX_DOCUMENT_CHARS = 50_000;

    /** @throws InvalidInputException naming the field */
    public List<SellerTagRule> parse(String document) {
        JsonNode root = SettingsDocument.object(document, MAX_DOCUMENT_CHARS);
        if (!root.path("rules").isArray() || root.size() != 1) {
            throw new InvalidInputException("rules", "is required: {\"rules\": [ ... ]} and nothing else");
        }
        List<SellerTagRule> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.get("rules")) {
            String at = "rules[" + i++ + "]";
            if (!r.isObject()) {
                throw new InvalidInputException(at, "must be an object");
            }
            r.fieldNames().forEachRemaining(name -> {
                if (!RULE_FIELDS.contains(name)) {
                    throw new InvalidInputException(at + "." + name, "is not a field of a tag rule");
                }
            });
            RuleKind kind;
            try {
                kind = RuleKind.valueOf(r.path("kind").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(at + ".kind", "must be KEYWORD or REGEX");
            }
            Set<TicketField> fields = EnumSet.allOf(TicketField.class);
            if (r.has("fields")) {
                fields = EnumSet.noneOf(TicketField.class);
                for (JsonNode f : r.get("fields")) {
                    try {
                        fields.add(TicketField.valueOf(f.asText().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException(at + ".fields", "may list subject and body only");
                    }
                }
            }
            AgentText.check(text(r, "name"), at + ".name", false);
            AgentText.check(text(r, "pattern"), at + ".pattern", false);
            try {
                rules.add(new SellerTagRule(text(r, "name"), kind, text(r, "pattern"), text(r, "tag"), fields));
            } catch (InvalidInputException e) {
                throw new InvalidInputException(at + "." + e.field(), e.reason());
            }
        }
        new Tagger(rules); // validates the set: count, duplicate names
        return rules;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
