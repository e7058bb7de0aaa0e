package com.deskbridge.adapters.settings;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.adapters.json.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a seller settings document: present, not too long, strict JSON ({@link StrictJson}: no duplicate keys, nothing
 * after it), an object. Problems name the field "body".
 */
final class SettingsDocument {
    private static final ObjectMapper JSON = StrictJson.strict(new ObjectMapper());

    private SettingsDocument() {
    }

    /** @throws InvalidInputException naming "body" */
    static JsonNode object(String document, int maxChars) {
        if (document == null || document.isBlank()) {
            throw new InvalidInputException("body", "is required: a JSON object");
        }
        if (document.length() > maxChars) {
            throw new InvalidInputException("body", "must be at most " + maxChars + " characters");
        }
        try {
            return StrictJson.object(JSON, document);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
    }
}
