package com.deskbridge.intent;

import com.deskbridge.domain.ticket.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The labelled corpora's JSON Lines format: one flat JSON object per line whose values are strings, null or arrays
 * of strings. JDK only (the modules that use it carry no JSON library); enough for the corpora, not a general JSON
 * parser.
 */
public final class JsonLines {
    private final String s;
    private int pos;

    private JsonLines(String s) {
        this.s = s;
    }

    /**
     * Reads every non-blank line of {@code reader} (not closed) and maps its fields.
     *
     * @throws InvalidInputException naming the line when a line is malformed or the mapper rejects it
     */
    public static <T> List<T> read(Reader reader, Function<Map<String, Object>, T> mapper) {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<T> entries = new ArrayList<>();
        int lineNo = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(mapper.apply(parse(line)));
                } catch (IllegalArgumentException | ClassCastException | InvalidInputException e) {
                    throw new InvalidInputException("line " + lineNo, String.valueOf(e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A string field, or null; anything else is an error naming the field. */
    public static String text(Map<String, Object> fields, String name) {
        Object v = fields.get(name);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return (String) v;
    }

    /** Field → String, null or List&lt;String&gt;. */
    public static Map<String, Object> parse(String line) {
        JsonLines p = new JsonLines(line);
        Map<String, Object> fields = p.object();
        p.skipWs();
        if (p.pos != line.length()) {
            throw p.error("trailing characters");
        }
        return fields;
    }

    private Map<String, Object> object() {
        Map<String, Object> fields = new LinkedHashMap<>();
        expect('{');
        skipWs();
        if (peek() == '}') {
            pos++;
            return fields;
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
                return fields;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            return array();
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        throw error("string, array or null expected");
    }

    private List<String> array() {
        expect('[');
        List<String> items = new ArrayList<>();
        skipWs();
        if (peek() == ']') {
            pos++;
            return items;
        }
        while (true) {
            skipWs();
            items.add(string());
            skipWs();
            char c = next();
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
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
