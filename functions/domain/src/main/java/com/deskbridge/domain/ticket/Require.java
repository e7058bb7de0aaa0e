package com.deskbridge.domain.ticket;

import java.util.regex.Pattern;

/** Invariant checks that raise {@link InvalidInputException} naming the field. */
public final class Require {
    private Require() {
    }

    public static String nonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters (was " + value.length() + ")");
        }
        return value;
    }

    public static String matches(String value, Pattern pattern, String field, String expectation) {
        nonBlank(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, "must be " + expectation);
        }
        return value;
    }

    /** Blank-to-null normalisation for optional text. */
    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
