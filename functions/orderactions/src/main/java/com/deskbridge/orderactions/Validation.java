package com.deskbridge.orderactions;

import java.util.List;

/**
 * The outcome of checking an action against the live order: a command that may be executed, or every
 * violation found (never an exception, so that the API can report all of them at once).
 */
public sealed interface Validation<T> permits Validation.Valid, Validation.Invalid {

    record Valid<T>(T command) implements Validation<T> {}

    record Invalid<T>(List<Violation> violations) implements Validation<T> {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs violations");
            }
        }

        public int status() {
            return Violation.status(violations);
        }
    }

    static <T> Validation<T> of(T command, List<Violation> violations) {
        return violations.isEmpty() ? new Valid<>(command) : new Invalid<>(violations);
    }
}
