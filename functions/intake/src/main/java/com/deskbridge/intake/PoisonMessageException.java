package com.deskbridge.intake;

/**
 * A queue message that no retry can fix (bad JSON, a missing required field, unparseable MIME, a raw e-mail that
 * is gone). It goes to the dead-letter queue at once, with this reason, instead of being retried.
 */
public class PoisonMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
