package com.deskbridge.intent;

/** The languages the classifier has lexicons for, plus {@link #UNKNOWN} when the text gives no clear signal. */
public enum Language {
    EN, DE, FR, IT, ES, UNKNOWN;

    /** The lower-case ISO 639-1 code ("en", …), or "und" for {@link #UNKNOWN}. */
    public String code() {
        return this == UNKNOWN ? "und" : name().toLowerCase(java.util.Locale.ROOT);
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
