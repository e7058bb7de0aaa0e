package com.deskbridge.mail;

/**
 * A raw e-mail that can never be processed, however often it is retried. The intake handler dead-letters the
 * queue message and records {@link #reason()}; it must not retry. Transient failures (network, throttling, S3
 * 5xx) are never reported with this type.
 */
public abstract class PermanentMailException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    protected PermanentMailException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** A short, human-readable reason suitable for a dead-letter record. */
    public String reason() {
        return reason;
    }
}
