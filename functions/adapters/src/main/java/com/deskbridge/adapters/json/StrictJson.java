package com.deskbridge.adapters.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON read the way every reader of untrusted documents must read it, so that no two readers can see different
 * values in one document (a parser differential): a key twice in one object is refused (Jackson's default keeps the
 * last one, so {@code "sellerId":"A","sellerId":"B"} was filed under B), and so is anything after the top-level value.
 * Problems are described by position only: the parser's own messages quote the input, which may be buyer text.
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** A copy of {@code mapper} that refuses duplicate keys and trailing content. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        copy.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return copy;
    }

    /**
     * Reads a document whose top level must be a JSON object.
     *
     * @throws IllegalArgumentException naming what is wrong: "is not valid JSON", "has a duplicate key", "has content
     *                                  after the JSON object", "is not a JSON object", each with the position
     */
    public static JsonNode object(ObjectMapper strictMapper, String document) {
        JsonNode root;
        try {
            root = strictMapper.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(problem(e));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        return root;
    }

    /** What is wrong with a document the parser refused, by position, without quoting it. */
    public static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        String what;
        if (message.startsWith("Duplicate field") || message.startsWith("Duplicate Object property")) {
            what = "has a duplicate key";
        } else if (message.startsWith("Trailing token")) {
            what = "has content after the JSON object";
        } else {
            what = "is not valid JSON";
        }
        var at = e.getLocation();
        return what + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
}
