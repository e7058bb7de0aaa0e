package com.deskbridge.localapigw;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders JWT claims the way API Gateway puts them into {@code requestContext.authorizer.jwt.claims}: every value
 * becomes a string; numbers keep their JSON text ({@code "1700000000"}), arrays are rendered Go-style with spaces
 * ({@code "[agent admin]"}), objects as {@code "map[k:v]"} with sorted keys, and JSON null as {@code "<nil>"}.
 */
final class ClaimRenderer {

    private ClaimRenderer() {
    }

    static Map<String, String> render(JsonNode payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : payload.properties()) {
            claims.put(e.getKey(), renderValue(e.getValue()));
        }
        return claims;
    }

    static String renderValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "<nil>";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(renderValue(item)));
            return "[" + String.join(" ", items) + "]";
        }
        if (node.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), renderValue(e.getValue())));
            List<String> items = new ArrayList<>();
            sorted.forEach((k, v) -> items.add(k + ":" + v));
            return "map[" + String.join(" ", items) + "]";
        }
        return node.asText();
    }

    /** Scopes from the space-separated {@code scope} claim, else from {@code scp}; null when the token has neither. */
    static List<String> scopes(JsonNode payload) {
        JsonNode scope = payload.get("scope");
        if (scope == null || scope.isNull()) {
            scope = payload.get("scp");
        }
        if (scope == null || scope.isNull()) {
            return null;
        }
        List<String> scopes = new ArrayList<>();
        if (scope.isArray()) {
            scope.forEach(s -> scopes.add(s.asText()));
        } else {
            for (String s : scope.asText().trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    scopes.add(s);
                }
            }
        }
        return scopes;
    }
}
