package com.deskbridge.sim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A GraphQL object of the simulator's purpose-built schema: its type name and its fields, each a value or a function
 * of the field's arguments. Values are JSON scalars, strings, numbers, booleans, other {@code Obj}s, lists, connections
 * ({@link Conn}) or null.
 */
final class Obj {

    /** A Relay connection: the items and whether there are more. */
    record Conn(List<?> items, boolean hasNextPage) {}

    final String type;
    private final Map<String, Function<Map<String, JsonNode>, Object>> fields = new LinkedHashMap<>();

    Obj(String type) {
        this.type = type;
    }

    Obj v(String name, Object value) {
        fields.put(name, args -> value);
        return this;
    }

    Obj f(String name, Function<Map<String, JsonNode>, Object> resolver) {
        fields.put(name, resolver);
        return this;
    }

    /** A connection field sized by {@code first}. */
    Obj conn(String name, java.util.function.Supplier<List<?>> items) {
        fields.put(name, args -> {
            List<?> all = items.get();
            int first = args.containsKey("first") && args.get("first").isNumber() ? args.get("first").asInt() : all.size();
            return new Conn(all.subList(0, Math.min(first, all.size())), all.size() > first);
        });
        return this;
    }

    /** A list field optionally cut by {@code first}. */
    Obj list(String name, java.util.function.Supplier<List<?>> items) {
        fields.put(name, args -> {
            List<?> all = items.get();
            int first = args.containsKey("first") && args.get("first").isNumber() ? args.get("first").asInt() : all.size();
            return all.subList(0, Math.min(first, all.size()));
        });
        return this;
    }

    Optional<Function<Map<String, JsonNode>, Object>> field(String name) {
        if (name.equals("__typename")) {
            return Optional.of(args -> type);
        }
        return Optional.ofNullable(fields.get(name));
    }
}
