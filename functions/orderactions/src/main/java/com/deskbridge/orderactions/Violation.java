package com.deskbridge.orderactions;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One reason an order action was refused, naming the input field (a path such as
 * {@code lines[1].components.TAX}) so that the API can answer with a problem+json that points at it.
 */
public record Violation(String field, ViolationReason reason, String detail) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    /** The HTTP status for a set of violations: the most decisive one (404 over 409 over 422). */
    public static int status(List<Violation> violations) {
        return violations.stream().map(Violation::reason).map(ViolationReason::status)
                .min(Comparator.comparingInt(Violation::precedence)).orElseThrow(() -> new IllegalArgumentException("no violations"));
    }

    /** Not found hides everything else; a state conflict matters more than input details. */
    private static int precedence(int status) {
        return switch (status) {
            case 404 -> 0;
            case 409 -> 1;
            default -> 2;
        };
    }
}
