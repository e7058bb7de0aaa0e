package com.deskbridge.domain.ticket;

/**
 * Input that breaks a domain invariant. Carries the offending field so that the edge (HTTP problem+json,
 * dead-letter reason) can name it.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String reason;

    public InvalidInputException(String field, String reason) {
        super(field + " " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
