package com.deskbridge.localapigw;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** A parsed route path such as {@code /tickets/{id}} or {@code /files/{proxy+}}. */
final class RouteTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_.:-]+)(\\+?)}");

    private final String path;
    private final List<String> segments;
    private final boolean greedy;

    private RouteTemplate(String path, List<String> segments, boolean greedy) {
        this.path = path;
        this.segments = segments;
        this.greedy = greedy;
    }

    static RouteTemplate parse(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
        List<String> segments = path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
        boolean greedy = false;
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean hasBrace = segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0;
            if (hasBrace) {
                var m = VARIABLE.matcher(segment);
                if (!m.matches()) {
                    throw new IllegalArgumentException("a path variable must be a whole segment: " + path);
                }
                if (!m.group(2).isEmpty()) {
                    if (i != segments.size() - 1) {
                        throw new IllegalArgumentException("a greedy path variable must be last: " + path);
                    }
                    greedy = true;
                }
            }
        }
        return new RouteTemplate(path, segments, greedy);
    }

    String path() {
        return path;
    }

    boolean greedy() {
        return greedy;
    }

    /**
     * Matches a raw (still percent-encoded) request path.
     *
     * @return the decoded path parameters, or empty when the path does not match
     */
    Optional<Map<String, String>> match(String rawPath) {
        List<String> actual = rawPath.equals("/") ? List.of() : List.of(rawPath.substring(1).split("/", -1));
        Map<String, String> params = new LinkedHashMap<>();
        int fixed = greedy ? segments.size() - 1 : segments.size();
        if (greedy ? actual.size() <= fixed : actual.size() != fixed) {
            return Optional.empty();
        }
        for (int i = 0; i < fixed; i++) {
            String expected = segments.get(i);
            String got = actual.get(i);
            if (isVariable(expected)) {
                if (got.isEmpty()) {
                    return Optional.empty();
                }
                params.put(name(expected), decode(got));
            } else if (!expected.equals(decode(got))) {
                return Optional.empty();
            }
        }
        if (greedy) {
            String rest = String.join("/", actual.subList(fixed, actual.size()));
            if (rest.isEmpty()) {
                return Optional.empty();
            }
            params.put(name(segments.get(fixed)), decode(rest));
        }
        return Optional.of(params);
    }

    /**
     * Orders templates from most to least specific: literal segments before variables, segment by segment, and
     * greedy templates after all others.
     */
    static int compareSpecificity(RouteTemplate a, RouteTemplate b) {
        if (a.greedy != b.greedy) {
            return a.greedy ? 1 : -1;
        }
        int n = Math.min(a.segments.size(), b.segments.size());
        for (int i = 0; i < n; i++) {
            boolean av = isVariable(a.segments.get(i));
            boolean bv = isVariable(b.segments.get(i));
            if (av != bv) {
                return av ? 1 : -1;
            }
        }
        return Integer.compare(b.segments.size(), a.segments.size());
    }


    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }

    private static String name(String segment) {
        return segment.substring(1, segment.length() - 1).replace("+", "");
    }

    private static String decode(String raw) {
        // Percent-decoding only: a '+' in a path is a literal plus, not a space.
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
