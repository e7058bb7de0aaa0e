package com.deskbridge.domain.ticket;

import java.util.Locale;

/**
 * Where an outgoing message stands with its channel. A reply is recorded first (QUEUED) and sent afterwards, so a
 * sending failure is visible on the ticket and retried rather than lost.
 */
public enum SendStatus {
    /** Recorded; waiting for the sender. */
    QUEUED,
    /** A sender has claimed it and is talking to the channel. */
    SENDING,
    /** The channel refused for now (connection, 4xx); it is retried. */
    RETRYING,
    /** The channel accepted it. */
    SENT,
    /** The channel refused for good (e.g. 550 mailbox unavailable); an agent must act. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
