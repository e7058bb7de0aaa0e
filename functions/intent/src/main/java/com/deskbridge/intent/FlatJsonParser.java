package com.deskbridge.intent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses one flat JSON object (no nested objects or arrays) into field → value, values as strings (numbers and
 * booleans as their literal text, {@code null} as null). Enough for the corpus format; JDK only.
 */
final class FlatJsonParser {
    private final String s;
    private int pos;

    private FlatJsonParser(String s) {
        this.s = s;
    }

    static Map<String, String> parse(String line) {
        return new FlatJsonParser(line).object();
    }

    private Map<String, String> object() {
        Map<String, String> fields = new LinkedHashMap<>();
        expect('{');
        skipWs();
        if (peek() == '}') {
            pos++;
            return end(fields);
        }
        while (true) {
            skipWs();
            String key = string();
            skipWs();
            expect(':');
            skipWs();
            fields.put(key, value());
            skipWs();
            char c = next();
            if (c == '}') {
                return end(fields);
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private Map<String, String> end(Map<String, String> fields) {
        skipWs();
        if (pos != s.length()) {
            throw error("trailing characters");
        }
        return fields;
    }

    private String value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            throw error("nested values are not supported");
        }
        int start = pos;
        while (pos < s.length() && ",} \t".indexOf(s.charAt(pos)) < 0) {
            pos++;
        }
        String literal = s.substring(start, pos);
        if (literal.isEmpty()) {
            throw error("value expected");
        }
        return literal.equals("null") ? null : literal;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private void skipWs() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at column " + pos);
    }
}
