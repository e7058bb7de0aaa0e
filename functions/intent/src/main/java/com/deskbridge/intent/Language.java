package com.deskbridge.intent;

import java.util.Locale;

/**
 * The buyer languages of Amazon's European and North American marketplaces that Deskbridge detects, plus
 * {@link #UNKNOWN} when the text gives no clear signal (too short, or none of these languages).
 */
public enum Language {
    EN, DE, FR, IT, ES, NL, PL, SV, UNKNOWN;

    /** The lower-case ISO 639-1 code ("en", …), or "und" for {@link #UNKNOWN}. */
    public String code() {
        return this == UNKNOWN ? "und" : name().toLowerCase(Locale.ROOT);
    }

    /** The language for an ISO 639-1 code, case-insensitive; {@link #UNKNOWN} for anything else. */
    public static Language fromCode(String code) {
        if (code != null) {
            for (Language l : values()) {
                if (l != UNKNOWN && l.code().equalsIgnoreCase(code.trim())) {
                    return l;
                }
            }
        }
        return UNKNOWN;
    }
}
