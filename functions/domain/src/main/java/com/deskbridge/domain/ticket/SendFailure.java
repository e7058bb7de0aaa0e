package com.deskbridge.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A reply on the ticket that its channel refused for good (e.g. SMTP 550): it never reached the buyer, so the
 * ticket is open again and waits for an agent. Shown on the ticket until an agent replies again, closes it or marks
 * it "no response needed".
 *
 * @param messageKey the failed reply
 * @param reason     why, for the agent (the channel's answer, never a credential)
 * @param at         when the send failed for good
 */
public record SendFailure(String messageKey, String reason, Instant at) {
    public SendFailure {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
