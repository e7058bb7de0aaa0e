package com.deskbridge.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one reading of JSON that callers and channels send (request bodies, settings documents, intake envelopes), so
 * that no two readers can see different values in one document (a parser differential): exactly one JSON value and
 * nothing after it, no object member twice (RFC 8259 section 4 leaves duplicates to the implementation; Jackson's
 * default keeps the last one, so {@code "sellerId":"A","sellerId":"B"} was filed under B), nested at most
 * {@value #MAX_DEPTH} deep. Problems are described by position only: the parser's own messages quote the input, which
 * may be buyer text.
 */
public final class StrictJson {
    /** Deepest nesting accepted; no document of ours comes near it. */
    public static final int MAX_DEPTH = 32;
    private static final ObjectMapper MAPPER = strict(JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build()).build());

    private StrictJson() {
    }

    /** The refusal, said for people: what is wrong and where, never the document's text. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A copy of {@code mapper} (its modules and settings kept) that refuses duplicate keys and trailing content. */
    public static ObjectMapper strict(ObjectMapper mapper) {
        ObjectMapper copy = mapper.copy();
        copy.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        copy.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        copy.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return copy;
    }

    /** Reads one JSON value of any kind. @throws Refused with what is wrong and where */
    public static JsonNode read(String text) throws Refused {
        return read(MAPPER, text);
    }

    /**
     * Reads a document whose top level must be a JSON object, with a mapper made by {@link #strict(ObjectMapper)}.
     *
     * @throws IllegalArgumentException naming what is wrong ("is not valid JSON", "has a duplicate key", "has content
     *                                  after the JSON value", "nests too deeply", "is not a JSON object") and where
     */
    public static JsonNode object(ObjectMapper strictMapper, String document) {
        JsonNode root;
        try {
            root = read(strictMapper, document);
        } catch (Refused e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        return root;
    }

    /** {@link #object(ObjectMapper, String)} with the default strict mapper. */
    public static JsonNode object(String document) {
        return object(MAPPER, document);
    }

    private static JsonNode read(ObjectMapper strictMapper, String text) throws Refused {
        try {
            return strictMapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Refused(problem(e));
        } catch (RuntimeException e) {
            throw new Refused("is not valid JSON");
        }
    }

    /** What is wrong with a document the parser refused, by position, without quoting it. */
    public static String problem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        String what;
        if (message.startsWith("Duplicate field") || message.startsWith("Duplicate Object property")) {
            what = "has a duplicate key";
        } else if (message.startsWith("Trailing token")) {
            what = "has content after the JSON value";
        } else if (message.contains("nesting depth")) {
            what = "nests too deeply";
        } else {
            what = "is not valid JSON";
        }
        var at = e.getLocation();
        return what + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }
}
