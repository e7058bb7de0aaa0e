package com.deskbridge.domain.sla;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One buyer message that needed a response, for {@link ResponseMetrics}.
 *
 * @param firstResponseAt the first agent reply (not an automatic acknowledgement); {@code null} while unanswered
 * @param agentId         who sent that reply; {@code null} when unanswered or unknown
 */
public record ResponseRecord(Instant receivedAt, Instant firstResponseAt, Channel channel, String agentId) {

    /** @throws InvalidInputException naming the field */
    public ResponseRecord {
        if (receivedAt == null) {
            throw new InvalidInputException("receivedAt", "is required");
        }
        if (channel == null) {
            throw new InvalidInputException("channel", "is required");
        }
        if (firstResponseAt != null && firstResponseAt.isBefore(receivedAt)) {
            throw new InvalidInputException("firstResponseAt", "must not be before receivedAt");
        }
        agentId = agentId == null || agentId.isBlank() ? null : agentId;
    }

    /** The first-response time, when answered. */
    public Optional<Duration> responseTime() {
        return firstResponseAt == null ? Optional.empty() : Optional.of(Duration.between(receivedAt, firstResponseAt));
    }
}
