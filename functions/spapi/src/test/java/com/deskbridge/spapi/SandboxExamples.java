package com.deskbridge.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every response example of an SP-API model: the {@code x-amzn-api-sandbox} static and dynamic entries and the
 * {@code examples} of each response code, from the model itself and from the derived sandbox vectors
 * (reference/sp-api/derived-sandbox-vectors/INDEX.md).
 */
final class SandboxExamples {

    record Example(String source, String operationId, int status, JsonNode body) {
        @Override
        public String toString() {
            return source + " " + operationId + " " + status;
        }
    }

    private SandboxExamples() {
    }

    static List<Example> of(Path spApi, String model) {
        List<Example> out = new ArrayList<>();
        JsonNode m = Reference.read(spApi.resolve("models").resolve(model + ".json"));
        for (Map.Entry<String, JsonNode> path : m.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                if (!op.has("operationId")) {
                    continue;
                }
                String id = op.get("operationId").asText();
                for (Map.Entry<String, JsonNode> code : op.path("responses").properties()) {
                    if (!code.getKey().matches("\\d{3}")) {
                        continue;
                    }
                    int status = Integer.parseInt(code.getKey());
                    JsonNode sandbox = code.getValue().path("x-amzn-api-sandbox");
                    for (String kind : new String[] {"static", "dynamic"}) {
                        for (JsonNode entry : sandbox.path(kind)) {
                            if (entry.has("response")) {
                                out.add(new Example(model + " x-amzn-api-sandbox." + kind, id, status, entry.get("response")));
                            }
                        }
                    }
                    if (code.getValue().has("examples")) {
                        out.add(new Example(model + " examples", id, status, unwrap(code.getValue().get("examples"))));
                    }
                }
            }
        }
        Path vectors = spApi.resolve("derived-sandbox-vectors").resolve(model + ".sandbox-vectors.json");
        if (Files.exists(vectors)) {
            for (JsonNode v : Reference.read(vectors).path("vectors")) {
                JsonNode body = v.has("response") ? v.get("response") : unwrap(v.path("examples"));
                out.add(new Example(model + " derived " + v.path("kind").asText(), v.path("operationId").asText(), v.path("status").asInt(), body));
            }
        }
        return out;
    }

    private static JsonNode unwrap(JsonNode examples) {
        return examples.has("application/json") ? examples.get("application/json") : examples;
    }
}
