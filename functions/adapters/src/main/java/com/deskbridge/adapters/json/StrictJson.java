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
 * One reading of JSON a caller sends (request bodies, settings documents): exactly one JSON value and nothing after
 * it, no object member twice (so no two parsers can see different documents in the same text: RFC 8259 section 4
 * leaves duplicates to the implementation), nested at most 32 deep.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {
    }

    /** The refusal, said for people. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** @throws Refused with what is wrong and where */
    public static JsonNode read(String text) throws Refused {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String what = original.startsWith("Duplicate field") ? "repeats a member ("
                    + original.replaceAll("(?s)^Duplicate field '([^']{0,64}).*", "$1") + ")"
                    : original.startsWith("Trailing token") ? "has content after the JSON value"
                    : original.contains("nesting depth") ? "nests too deeply"
                    : "is not valid JSON";
            var at = e.getLocation();
            throw new Refused(what + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (RuntimeException e) {
            throw new Refused("is not valid JSON");
        }
    }
}
