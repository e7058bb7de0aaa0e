package com.deskbridge.domain.intake;

import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The receive time a message may have, given when our queue got it: a message's own claim (the channel's
 * {@code receivedAt}, an e-mail's Date header) decides the ticket's SLA clock, so it is not taken on trust.
 * <ul>
 *   <li>An instant before {@value #EARLIEST_YEAR} or after {@value #LATEST_YEAR} is not a receive time at all: the
 *       message is refused (poison, never retried).</li>
 *   <li>Otherwise the claim is clamped into [queued − {@link #MAX_AGE}, queued + {@link #MAX_SKEW}]: a claim in the
 *       future would bury the ticket behind every deadline, one from long ago would breach it at once. The claim is
 *       kept beside the clamped time ({@link InboundMessage#claimedReceivedAt()}).</li>
 * </ul>
 *
 * @param queuedAt when the queue received the message (SQS SentTimestamp)
 */
public record ReceiveWindow(Instant queuedAt) {
    /** Longest a channel may take to hand a message over: the intake queue keeps messages four days. */
    public static final Duration MAX_AGE = Duration.ofDays(3);
    /** Clock skew allowed between a channel and our queue. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    static final int EARLIEST_YEAR = 2000;
    static final int LATEST_YEAR = 2999;
    private static final Instant EARLIEST = Instant.parse(EARLIEST_YEAR + "-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse((LATEST_YEAR + 1) + "-01-01T00:00:00Z");

    public ReceiveWindow {
        Objects.requireNonNull(queuedAt, "queuedAt");
    }

    /** Whether an instant can be a receive time at all (between {@value #EARLIEST_YEAR} and {@value #LATEST_YEAR}). */
    public static boolean plausible(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(LATEST);
    }

    /**
     * @throws InvalidInputException naming "receivedAt" when the claim is out of range
     */
    public InboundMessage apply(InboundMessage message) {
        Instant claimed = message.receivedAt();
        if (!plausible(claimed)) {
            throw new InvalidInputException("receivedAt", "is out of range (" + claimed + "): a receive time lies between "
                    + EARLIEST_YEAR + " and " + LATEST_YEAR);
        }
        Instant earliest = queuedAt.minus(MAX_AGE);
        Instant latest = queuedAt.plus(MAX_SKEW);
        if (claimed.isBefore(earliest)) {
            return message.receivedAtClamped(earliest);
        }
        if (claimed.isAfter(latest)) {
            return message.receivedAtClamped(latest);
        }
        return message;
    }
}
