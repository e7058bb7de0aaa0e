package com.deskbridge.macros;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A macro as a seller stores it (plain data, e.g. read from the tenant's settings): validated and parsed into a
 * {@link Macro} by {@link Macro#define} or {@link MacroCatalog#of}.
 *
 * @param id      stable id, lower-case letters, digits and dashes
 * @param name    what agents see in the macro picker
 * @param bodies  the template per language; at least one
 * @param intents the intent names it suits ({@link MacroCatalog#INTENTS}); may be empty
 */
public record MacroDefinition(String id, String name, Map<MacroLanguage, String> bodies, Set<String> intents) {
    public MacroDefinition {
        bodies = bodies == null ? Map.of() : copy(bodies);
        intents = intents == null ? Set.of() : Set.copyOf(intents);
    }

    private static Map<MacroLanguage, String> copy(Map<MacroLanguage, String> bodies) {
        Map<MacroLanguage, String> m = new EnumMap<>(MacroLanguage.class);
        bodies.forEach((k, v) -> {
            if (k != null) {
                m.put(k, v);
            }
        });
        return m;
    }
}
