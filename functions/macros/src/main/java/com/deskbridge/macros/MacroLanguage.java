package com.deskbridge.macros;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages macros are written in: the buyer languages of Amazon's European and US marketplaces that
 * Deskbridge supports (the eight languages intake detects). Amazon asks for replies "in the buyer's language of preference" (messaging.json, e.g. confirmOrderDetails; getAttributes).
 */
public enum MacroLanguage {
    EN(Locale.ENGLISH), DE(Locale.GERMAN), FR(Locale.FRENCH), IT(Locale.ITALIAN), ES(Locale.forLanguageTag("es")),
    NL(Locale.forLanguageTag("nl")), PL(Locale.forLanguageTag("pl")), SV(Locale.forLanguageTag("sv"));

    private final Locale locale;

    MacroLanguage(Locale locale) {
        this.locale = locale;
    }

    /** The language's locale (month names and the like). */
    public Locale locale() {
        return locale;
    }

    /** A calendar day as macros write it in this language ("22.11.2026", "22-11-2026", "2026-11-22", …). */
    public String date(LocalDate day) {
        return LocalFormats.date(day, this);
    }

    /** The lower-case ISO 639-1 code ("en", "de", …). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language for an ISO 639-1 code or a language tag such as "de-AT", case-insensitive; empty otherwise. */
    public static Optional<MacroLanguage> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String lang = Locale.forLanguageTag(code.trim().replace('_', '-')).getLanguage();
        for (MacroLanguage l : values()) {
            if (l.code().equals(lang)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
