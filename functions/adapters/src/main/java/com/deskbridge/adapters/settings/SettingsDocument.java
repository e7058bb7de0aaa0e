package com.deskbridge.adapters.settings;

import com.deskbridge.adapters.json.StrictJson;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a seller settings document: present, not too long, one JSON object and nothing after it, no member twice,
 * nested at most 32 deep ({@link StrictJson}). Problems name the field "body".
 */
final class SettingsDocument {
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
            return StrictJson.object(document);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("body", e.getMessage());
        }
    }
}
