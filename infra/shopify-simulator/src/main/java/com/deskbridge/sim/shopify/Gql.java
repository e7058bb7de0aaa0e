package com.deskbridge.sim.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small parser for the GraphQL documents Deskbridge sends (https://spec.graphql.org/October2021/): one operation
 * ({@code query} or {@code mutation}, optionally named, with variable definitions), fields with aliases, arguments
 * (variables and literals: strings, numbers, booleans, null, enums, lists, objects), directives and nested selections.
 * Fragments are not supported (the client sends none); a document that uses them, or is malformed, is refused with a
 * syntax error as Shopify would. Not a GraphQL engine: execution is {@link ShopifyGraphql}'s purpose-built matcher.
 */
final class Gql {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A parse error with the position, reported like GraphQL's syntax errors. */
    static final class SyntaxError extends RuntimeException {
        final int line;
        final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    record Directive(String name, Map<String, Object> args) {}

    /** A field. Argument values are {@link JsonNode} literals or {@link Variable} references. */
    record Field(String alias, String name, Map<String, Object> args, List<Directive> directives, List<Field> selections,
                 int line, int column) {
        String responseKey() {
            return alias == null ? name : alias;
        }
    }

    record Variable(String name) {}

    record Operation(String type, String name, List<String> variables, List<Field> selections) {}

    private final String src;
    private int pos;

    private Gql(String src) {
        this.src = src;
    }

    static Operation parse(String document) {
        Gql p = new Gql(document == null ? "" : document);
        Operation op = p.operation();
        p.skip();
        if (p.pos < p.src.length()) {
            throw p.error("Unexpected " + p.peekToken() + " after the operation (only one operation per document is supported)");
        }
        return op;
    }

    /** Resolves an argument to JSON with the request's variables. */
    static JsonNode value(Object arg, JsonNode variables) {
        if (arg == null) {
            return NullNode.getInstance();
        }
        if (arg instanceof Variable v) {
            JsonNode val = variables == null ? null : variables.get(v.name());
            return val == null ? NullNode.getInstance() : val;
        }
        if (arg instanceof List<?> list) {
            ArrayNode a = F.arrayNode();
            list.forEach(x -> a.add(value(x, variables)));
            return a;
        }
        if (arg instanceof Map<?, ?> map) {
            ObjectNode o = F.objectNode();
            map.forEach((k, x) -> o.set((String) k, value(x, variables)));
            return o;
        }
        return (JsonNode) arg;
    }

    private Operation operation() {
        skip();
        String type = "query";
        String name = null;
        List<String> variables = new ArrayList<>();
        if (peek() != '{') {
            type = name();
            if (!type.equals("query") && !type.equals("mutation")) {
                throw error("Expected query or mutation, found " + type + (type.equals("fragment") ? " (fragments are not supported)" : ""));
            }
            skip();
            if (isNameStart(peek())) {
                name = name();
                skip();
            }
            if (peek() == '(') {
                pos++;
                while (true) {
                    skip();
                    if (peek() == ')') {
                        pos++;
                        break;
                    }
                    expect('$');
                    variables.add(name());
                    skip();
                    expect(':');
                    skip();
                    type();
                    skip();
                    if (peek() == '=') {
                        pos++;
                        skip();
                        literal();
                    }
                    skip();
                    if (peek() == ',') {
                        pos++;
                    }
                }
            }
            skip();
        }
        return new Operation(type, name, variables, selectionSet());
    }

    private void type() {
        skip();
        if (peek() == '[') {
            pos++;
            type();
            skip();
            expect(']');
        } else {
            name();
        }
        skip();
        if (peek() == '!') {
            pos++;
        }
    }

    private List<Field> selectionSet() {
        skip();
        expect('{');
        List<Field> fields = new ArrayList<>();
        while (true) {
            skip();
            if (peek() == '}') {
                pos++;
                return fields;
            }
            if (src.startsWith("...", pos)) {
                throw error("Fragments are not supported by this simulator");
            }
            fields.add(field());
        }
    }

    private Field field() {
        int[] at = lineColumn(pos);
        String first = name();
        skip();
        String alias = null;
        String name = first;
        if (peek() == ':') {
            pos++;
            skip();
            alias = first;
            name = name();
            skip();
        }
        Map<String, Object> args = new LinkedHashMap<>();
        if (peek() == '(') {
            args = arguments();
            skip();
        }
        List<Directive> directives = new ArrayList<>();
        while (peek() == '@') {
            pos++;
            String d = name();
            skip();
            Map<String, Object> dargs = peek() == '(' ? arguments() : Map.of();
            directives.add(new Directive(d, dargs));
            skip();
        }
        List<Field> selections = peek() == '{' ? selectionSet() : List.of();
        return new Field(alias, name, args, directives, selections, at[0], at[1]);
    }

    private Map<String, Object> arguments() {
        expect('(');
        Map<String, Object> args = new LinkedHashMap<>();
        while (true) {
            skip();
            if (peek() == ')') {
                pos++;
                return args;
            }
            String key = name();
            skip();
            expect(':');
            skip();
            args.put(key, literal());
            skip();
            if (peek() == ',') {
                pos++;
            }
        }
    }

    private Object literal() {
        skip();
        char c = peek();
        if (c == '$') {
            pos++;
            return new Variable(name());
        }
        if (c == '"') {
            return F.textNode(string());
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                skip();
                if (peek() == ']') {
                    pos++;
                    return list;
                }
                list.add(literal());
                skip();
                if (peek() == ',') {
                    pos++;
                }
            }
        }
        if (c == '{') {
            pos++;
            Map<String, Object> obj = new LinkedHashMap<>();
            while (true) {
                skip();
                if (peek() == '}') {
                    pos++;
                    return obj;
                }
                String key = name();
                skip();
                expect(':');
                obj.put(key, literal());
                skip();
                if (peek() == ',') {
                    pos++;
                }
            }
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            while (pos < src.length() && (Character.isDigit(peek()) || peek() == '.' || peek() == 'e' || peek() == 'E'
                    || peek() == '+' || peek() == '-')) {
                pos++;
            }
            String num = src.substring(start, pos);
            return num.contains(".") || num.contains("e") || num.contains("E") ? F.numberNode(Double.parseDouble(num))
                    : F.numberNode(Long.parseLong(num));
        }
        String word = name();
        return switch (word) {
            case "true" -> F.booleanNode(true);
            case "false" -> F.booleanNode(false);
            case "null" -> NullNode.getInstance();
            default -> F.textNode(word); // an enum value
        };
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("Unterminated string");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = src.charAt(pos++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private String name() {
        skip();
        if (!isNameStart(peek())) {
            throw error("Expected Name, found " + peekToken());
        }
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private void expect(char c) {
        skip();
        if (peek() != c) {
            throw error("Expected " + c + ", found " + peekToken());
        }
        pos++;
    }

    /** Skips white space, commas (insignificant in GraphQL) and comments. */
    private void skip() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
                pos++;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private String peekToken() {
        return pos >= src.length() ? "<EOF>" : "\"" + src.charAt(pos) + "\"";
    }

    private SyntaxError error(String message) {
        int[] lc = lineColumn(pos);
        return new SyntaxError("syntax error, " + message, lc[0], lc[1]);
    }

    private int[] lineColumn(int at) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(at, src.length()); i++) {
            if (src.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
