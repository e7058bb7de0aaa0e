package com.deskbridge.adapters.settings;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a seller settings document: present, not too long, JSON, an object. Problems name the field "body". */
final class SettingsDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInputException("body", "is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        return root;
    }
}
