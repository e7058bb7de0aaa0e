package com.deskbridge.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A reply to record on a ticket before it is sent.
 *
 * @param messageKey derived from the caller's idempotency key, so a retried request records the reply once
 * @param agentId    the agent who wrote it; null for automatic replies
 * @param automatic  true when the rule engine wrote it: an automatic acknowledgement does not stop Amazon's clock
 */
public record OutgoingReply(String messageKey, String agentId, String body, Instant at, boolean automatic) {
    public OutgoingReply {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        if (!automatic && (agentId == null || agentId.isBlank())) {
            throw new InvalidInputException("agentId", "an agent reply names its agent");
        }
    }

    /**
     * The reply's message key: a hash of the ticket and the caller's idempotency key ("r" + 24 base32 characters),
     * so a retried request names the same message.
     */
    public static String keyFor(TicketId ticket, String idempotencyKey) {
        return "r" + TicketId.base32(TicketId.sha256(ticket.value() + '\u0000' + idempotencyKey), 24);
    }

    /** Whether recording this reply answers the buyer (stops the response clock). */
    public boolean stopsClock() {
        return !automatic;
    }
}
