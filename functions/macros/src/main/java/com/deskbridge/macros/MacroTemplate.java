package com.deskbridge.macros;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One parsed macro body: literal text and {@code {{Name}}} placeholders. Parsing is strict so that a seller's typo
 * surfaces when the macro is saved, not as a broken reply: an unclosed {@code {{}, a stray {@code }}}, an empty
 * {@code {{}}} or an unknown name is a {@link MacroValidationException} naming the position and the placeholder.
 * Spaces inside the braces are allowed ({@code {{ OrderID }}}); names are case-sensitive. Single braces are text.
 * Immutable.
 */
public final class MacroTemplate {
    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    private final String source;
    private final List<Object> parts;
    private final Set<Placeholder> placeholders;

    private MacroTemplate(String source, List<Object> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        Set<Placeholder> used = new LinkedHashSet<>();
        for (Object p : parts) {
            if (p instanceof Placeholder ph) {
                used.add(ph);
            }
        }
        this.placeholders = Collections.unmodifiableSet(used);
    }

    /** Parses a template; throws {@link MacroValidationException} listing every syntax problem. */
    public static MacroTemplate parse(String source) {
        Objects.requireNonNull(source, "source");
        List<MacroProblem> problems = new ArrayList<>();
        List<Object> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            int open = source.indexOf(OPEN, i);
            int strayClose = source.indexOf(CLOSE, i);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                problems.add(MacroProblem.at(source, strayClose, null, "'}}' without a matching '{{'"));
                text.append(source, i, strayClose + CLOSE.length());
                i = strayClose + CLOSE.length();
                continue;
            }
            if (open < 0) {
                text.append(source, i, source.length());
                break;
            }
            text.append(source, i, open);
            int close = source.indexOf(CLOSE, open + OPEN.length());
            int nextOpen = source.indexOf(OPEN, open + OPEN.length());
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                int until = nextOpen >= 0 ? nextOpen : source.length();
                String fragment = source.substring(open, Math.min(until, open + 40)).strip();
                problems.add(MacroProblem.at(source, open, fragment, "'{{' is not closed with '}}' (near \""
                        + fragment + "\")"));
                i = until;
                continue;
            }
            String name = source.substring(open + OPEN.length(), close).strip();
            if (name.isEmpty()) {
                problems.add(MacroProblem.at(source, open, "", "empty placeholder '{{}}'"));
            } else {
                var known = Placeholder.byName(name);
                if (known.isPresent()) {
                    if (!text.isEmpty()) {
                        parts.add(text.toString());
                        text.setLength(0);
                    }
                    parts.add(known.get());
                } else {
                    String hint = Placeholder.closest(name).map(p -> " (did you mean " + p.token() + "?)")
                            .orElse(" (known: " + knownNames() + ")");
                    problems.add(MacroProblem.at(source, open, name, "unknown placeholder {{" + name + "}}" + hint));
                }
            }
            i = close + CLOSE.length();
        }
        if (!problems.isEmpty()) {
            throw new MacroValidationException(problems);
        }
        if (!text.isEmpty()) {
            parts.add(text.toString());
        }
        return new MacroTemplate(source, parts);
    }

    private static String knownNames() {
        StringBuilder b = new StringBuilder();
        for (Placeholder p : Placeholder.values()) {
            b.append(b.isEmpty() ? "" : ", ").append(p.templateName());
        }
        return b.toString();
    }

    /** The template as written. */
    public String source() {
        return source;
    }

    /** The placeholders the template uses, in order of first use. */
    public Set<Placeholder> placeholders() {
        return placeholders;
    }

    /**
     * Fills the template for {@code language}: {@link RenderResult.Rendered} when every placeholder has a value,
     * otherwise {@link RenderResult.MissingValues} naming each missing one (never a text with gaps).
     */
    public RenderResult render(MacroValues values, MacroLanguage language) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(language, "language");
        List<Placeholder> missing = placeholders.stream().filter(p -> !values.has(p)).toList();
        if (!missing.isEmpty()) {
            return new RenderResult.MissingValues(missing, language);
        }
        StringBuilder out = new StringBuilder(source.length() + 64);
        for (Object part : parts) {
            if (part instanceof Placeholder p) {
                out.append(values.format(p, language));
            } else {
                out.append((String) part);
            }
        }
        return new RenderResult.Rendered(out.toString(), language);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacroTemplate t && t.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return "MacroTemplate[" + source.length() + " chars, placeholders=" + placeholders + "]";
    }
}
