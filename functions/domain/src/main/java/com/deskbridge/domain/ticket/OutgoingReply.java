package com.deskbridge.domain.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A reply to record on a ticket before it is sent.
 *
 * @param messageKey derived from the caller's idempotency key, so a retried request records the reply once
 * @param agentId    the agent who wrote it; null for automatic replies
 * @param automatic  true when the rule engine wrote it: an automatic acknowledgement does not stop Amazon's clock
 * @param origin     how the text was written (by hand, macro, suggestion, automatic)
 * @param auditCopy  the text with the buyer's personal data replaced by placeholders, kept (longer than the reply)
 *                   for the compliance audit's sample; null to keep none
 */
public record OutgoingReply(String messageKey, String agentId, String body, Instant at, boolean automatic,
                            ReplyOrigin origin, String auditCopy) {
    public OutgoingReply {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        origin = origin == null ? (automatic ? ReplyOrigin.AUTOMATIC : ReplyOrigin.HAND) : origin;
        if (!automatic && (agentId == null || agentId.isBlank())) {
            throw new InvalidInputException("agentId", "an agent reply names its agent");
        }
        if (automatic != (origin.source() == ReplySource.AUTOMATIC)) {
            throw new IllegalArgumentException("automatic replies, and only they, have the source automatic");
        }
    }

    /** By hand (or automatic), without an audit copy. */
    public OutgoingReply(String messageKey, String agentId, String body, Instant at, boolean automatic) {
        this(messageKey, agentId, body, at, automatic, null, null);
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
