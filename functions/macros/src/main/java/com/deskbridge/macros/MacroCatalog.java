package com.deskbridge.macros;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The macros one seller can use: the {@link BuiltInMacros} plus the seller's own, validated together (unique ids,
 * ids not in the reserved {@value BuiltInMacros#ID_PREFIX} range, known placeholders and intents, non-empty bodies,
 * length limits, at most {@value #MAX_SELLER_MACROS} own macros). Macros with {{TrackingLink}} are part of the
 * catalog only when the seller enabled carrier links ({@link MacroSettings}); a seller macro that uses it otherwise
 * is rejected. Built per request or cached per seller; immutable.
 */
public final class MacroCatalog {
    /**
     * The intent names macros can be suggested for: exactly the names of the classifier's
     * {@code com.deskbridge.intent.Intent} (MacroCatalogTest keeps them equal; this module does not depend on the
     * classifier).
     */
    public static final Set<String> INTENTS = Set.of("WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM", "REFUND_REQUEST",
            "CANCELLATION_REQUEST", "RETURN", "DAMAGED_ITEM", "PRODUCT_QUESTION", "POSITIVE_FEEDBACK", "OTHER");
    /** The most macros a seller can define. */
    public static final int MAX_SELLER_MACROS = 200;

    private final MacroSettings settings;
    private final Map<String, Macro> byId;

    private MacroCatalog(MacroSettings settings, Map<String, Macro> byId) {
        this.settings = settings;
        this.byId = byId;
    }

    /** The built-ins alone. */
    public static MacroCatalog builtIns(MacroSettings settings) {
        return of(settings, List.of());
    }

    /**
     * The built-ins and the seller's macros; throws {@link MacroValidationException} listing every problem of every
     * seller macro.
     */
    public static MacroCatalog of(MacroSettings settings, List<MacroDefinition> sellerMacros) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sellerMacros, "sellerMacros");
        Map<String, Macro> byId = new LinkedHashMap<>();
        for (Macro m : BuiltInMacros.all()) {
            if (settings.carrierLinksEnabled() || !m.usesCarrierLink()) {
                byId.put(m.id(), m);
            }
        }
        List<MacroProblem> problems = new ArrayList<>();
        if (sellerMacros.size() > MAX_SELLER_MACROS) {
            problems.add(MacroProblem.of(null, null, sellerMacros.size() + " macros; at most " + MAX_SELLER_MACROS
                    + " are allowed"));
        }
        Set<String> seen = new HashSet<>();
        List<Macro> own = new ArrayList<>();
        for (MacroDefinition d : sellerMacros) {
            String id = d.id();
            if (id != null && id.startsWith(BuiltInMacros.ID_PREFIX)) {
                problems.add(MacroProblem.of(id, null, "ids starting with '" + BuiltInMacros.ID_PREFIX
                        + "' are reserved for built-in macros"));
            } else if (id != null && !seen.add(id)) {
                problems.add(MacroProblem.of(id, null, "id is used by more than one macro"));
            }
            try {
                Macro m = Macro.define(d);
                if (m.usesCarrierLink() && !settings.carrierLinksEnabled()) {
                    problems.add(new MacroProblem(id, null, -1, -1, -1, Placeholder.TRACKING_LINK.templateName(),
                            "uses " + Placeholder.TRACKING_LINK.token() + " but carrier links are disabled for this "
                                    + "seller; give {{Carrier}} and {{TrackingNumber}} as text instead"));
                }
                own.add(m);
            } catch (MacroValidationException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new MacroValidationException(problems);
        }
        Map<String, Macro> all = new LinkedHashMap<>();
        own.forEach(m -> all.put(m.id(), m));
        all.putAll(byId);
        return new MacroCatalog(settings, Collections.unmodifiableMap(all));
    }

    public MacroSettings settings() {
        return settings;
    }

    /** Every macro: the seller's first, then the built-ins. */
    public List<Macro> all() {
        return List.copyOf(byId.values());
    }

    /** The macro with this id, if it is in this catalog. */
    public Optional<Macro> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /**
     * The macros suited to an intent, the seller's own first (they are more specific), then the built-ins.
     *
     * @throws IllegalArgumentException for an intent name not in {@link #INTENTS}
     */
    public List<Macro> suggest(String intent) {
        if (!INTENTS.contains(intent)) {
            throw new IllegalArgumentException("unknown intent '" + intent + "' (known: " + String.join(", ", INTENTS)
                    + ")");
        }
        return byId.values().stream().filter(m -> m.intents().contains(intent)).toList();
    }

    /**
     * Renders a macro in the buyer's language with the seller's default language as fallback.
     *
     * @param buyerLanguage may be null when unknown
     * @throws NoSuchElementException when there is no such macro in this catalog
     */
    public RenderResult render(String macroId, MacroValues values, MacroLanguage buyerLanguage) {
        Macro m = find(macroId).orElseThrow(() -> new NoSuchElementException("no macro '" + macroId + "'"));
        return m.render(values, buyerLanguage, settings.defaultLanguage());
    }
}
