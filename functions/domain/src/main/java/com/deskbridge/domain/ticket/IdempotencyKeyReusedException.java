package com.deskbridge.domain.ticket;

/**
 * The client's Idempotency-Key already recorded a different request (another reply text on this ticket). Nothing new
 * was recorded; retrying with the same key only ever replays the first request.
 */
public final class IdempotencyKeyReusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String recordedKey;

    public IdempotencyKeyReusedException(String recordedKey) {
        super("this Idempotency-Key already recorded reply " + recordedKey + " with a different text; use a new key for a new reply");
        this.recordedKey = recordedKey;
    }

    /** What the key recorded first (the reply's message key). */
    public String recordedKey() {
        return recordedKey;
    }
}
