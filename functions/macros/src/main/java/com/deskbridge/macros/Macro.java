package com.deskbridge.macros;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reply template with a body per language, the intents it suits and the placeholders it needs. Every body uses
 * the same placeholders, so what a macro requires does not depend on the buyer's language. The body is chosen as
 * the buyer's language if there is one, else the seller's default language, else the first of
 * {@link MacroLanguage} order that exists; {@link RenderResult#language()} tells which was used. Immutable.
 */
public final class Macro {
    /** Allowed ids: lower-case letters, digits and dashes, starting with a letter or digit. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** The longest name. */
    public static final int MAX_NAME_CHARS = 80;
    /** The longest body, as written (Amazon's own message types allow at most 2,000 characters; 4,000 leaves room). */
    public static final int MAX_BODY_CHARS = 4_000;

    private final String id;
    private final String name;
    private final Map<MacroLanguage, MacroTemplate> bodies;
    private final Set<String> intents;
    private final Set<Placeholder> required;
    private final boolean builtIn;

    private Macro(String id, String name, Map<MacroLanguage, MacroTemplate> bodies, Set<String> intents,
                  boolean builtIn) {
        this.id = id;
        this.name = name;
        this.bodies = Collections.unmodifiableMap(new EnumMap<>(bodies));
        this.intents = Set.copyOf(intents);
        Set<Placeholder> req = new LinkedHashSet<>();
        bodies.values().forEach(t -> req.addAll(t.placeholders()));
        this.required = Collections.unmodifiableSet(req);
        this.builtIn = builtIn;
    }

    /** Validates and parses a seller's macro; throws {@link MacroValidationException} with every problem found. */
    public static Macro define(MacroDefinition definition) {
        return define(definition, false);
    }

    static Macro define(MacroDefinition d, boolean builtIn) {
        Objects.requireNonNull(d, "definition");
        String id = d.id();
        String label = id == null ? "?" : id;
        List<MacroProblem> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(MacroProblem.of(label, null, "id must be 1-64 lower-case letters, digits or dashes"));
        }
        if (d.name() == null || d.name().isBlank()) {
            problems.add(MacroProblem.of(label, null, "name must not be empty"));
        } else if (d.name().length() > MAX_NAME_CHARS) {
            problems.add(MacroProblem.of(label, null, "name is " + d.name().length() + " characters long; at most "
                    + MAX_NAME_CHARS + " are allowed"));
        }
        for (String intent : d.intents()) {
            if (!MacroCatalog.INTENTS.contains(intent)) {
                problems.add(MacroProblem.of(label, null, "unknown intent '" + intent + "' (known: "
                        + String.join(", ", MacroCatalog.INTENTS) + ")"));
            }
        }
        if (d.bodies().isEmpty()) {
            problems.add(MacroProblem.of(label, null, "needs a body in at least one language"));
        }
        Map<MacroLanguage, MacroTemplate> parsed = new EnumMap<>(MacroLanguage.class);
        for (Map.Entry<MacroLanguage, String> e : d.bodies().entrySet()) {
            String body = e.getValue();
            if (body == null || body.isBlank()) {
                problems.add(MacroProblem.of(label, e.getKey(), "body must not be empty"));
            } else if (body.length() > MAX_BODY_CHARS) {
                problems.add(MacroProblem.of(label, e.getKey(), "body is " + body.length()
                        + " characters long; at most " + MAX_BODY_CHARS + " are allowed"));
            } else {
                try {
                    parsed.put(e.getKey(), MacroTemplate.parse(body));
                } catch (MacroValidationException ex) {
                    ex.problems().forEach(p -> problems.add(p.in(label, e.getKey())));
                }
            }
        }
        problems.addAll(placeholderMismatches(label, parsed));
        if (!problems.isEmpty()) {
            throw new MacroValidationException(problems);
        }
        return new Macro(id, d.name().strip(), parsed, d.intents(), builtIn);
    }

    /** Each body must use the same placeholders as the first, or the translations say different things. */
    private static List<MacroProblem> placeholderMismatches(String id, Map<MacroLanguage, MacroTemplate> parsed) {
        List<MacroProblem> problems = new ArrayList<>();
        MacroLanguage first = null;
        for (Map.Entry<MacroLanguage, MacroTemplate> e : parsed.entrySet()) {
            if (first == null) {
                first = e.getKey();
                continue;
            }
            Set<Placeholder> expected = parsed.get(first).placeholders();
            Set<Placeholder> actual = e.getValue().placeholders();
            for (Placeholder p : expected) {
                if (!actual.contains(p)) {
                    problems.add(new MacroProblem(id, e.getKey(), -1, -1, -1, p.templateName(), "lacks " + p.token()
                            + ", which the " + first + " body uses; every language must use the same placeholders"));
                }
            }
            for (Placeholder p : actual) {
                if (!expected.contains(p)) {
                    problems.add(new MacroProblem(id, e.getKey(), -1, -1, -1, p.templateName(), "uses " + p.token()
                            + ", which the " + first + " body does not; every language must use the same placeholders"));
                }
            }
        }
        return problems;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The languages this macro has a body in. */
    public Set<MacroLanguage> languages() {
        return bodies.keySet();
    }

    /** The parsed body in {@code language}, or null. */
    public MacroTemplate body(MacroLanguage language) {
        return bodies.get(language);
    }

    /** The intent names this macro suits. */
    public Set<String> intents() {
        return intents;
    }

    /** The placeholders rendering needs, in order of first use. */
    public Set<Placeholder> requiredPlaceholders() {
        return required;
    }

    /** True when the macro puts a carrier tracking link in the reply ({@link MacroSettings#carrierLinksEnabled()}). */
    public boolean usesCarrierLink() {
        return required.contains(Placeholder.TRACKING_LINK);
    }

    /** True for Deskbridge's own macros ({@link BuiltInMacros}). */
    public boolean builtIn() {
        return builtIn;
    }

    /** The language whose body is used: the buyer's, else the seller's default, else the first available. */
    public MacroLanguage languageFor(MacroLanguage buyerLanguage, MacroLanguage sellerDefault) {
        if (buyerLanguage != null && bodies.containsKey(buyerLanguage)) {
            return buyerLanguage;
        }
        if (sellerDefault != null && bodies.containsKey(sellerDefault)) {
            return sellerDefault;
        }
        return bodies.keySet().iterator().next();
    }

    /**
     * Fills the macro in the buyer's language, or the fallback ({@link #languageFor}).
     *
     * @param buyerLanguage may be null when unknown
     */
    public RenderResult render(MacroValues values, MacroLanguage buyerLanguage, MacroLanguage sellerDefault) {
        MacroLanguage language = languageFor(buyerLanguage, sellerDefault);
        return bodies.get(language).render(values, language);
    }

    @Override
    public String toString() {
        return "Macro[" + id + ", " + bodies.keySet() + ", intents=" + intents + "]";
    }
}
