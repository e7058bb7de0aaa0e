package com.deskbridge.domain.intake;

import com.deskbridge.domain.port.TicketStore;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Turns a normalised buyer message into (a message on) a ticket, exactly once. */
public final class IntakeService {

    /** The outcome for one message. */
    public record Result(TicketId ticketId, String messageKey, boolean duplicate, Triage triage) {
    }

    private final TicketStore store;
    private final Clock clock;
    private final Duration personalDataRetention;
    private final MessageTriage triage;

    public IntakeService(TicketStore store, Clock clock, Duration personalDataRetention) {
        this(store, clock, personalDataRetention, MessageTriage.NONE);
    }

    public IntakeService(TicketStore store, Clock clock, Duration personalDataRetention, MessageTriage triage) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        if (personalDataRetention.isNegative() || personalDataRetention.isZero()) {
            throw new IllegalArgumentException("personal data retention must be positive");
        }
        this.personalDataRetention = personalDataRetention;
        this.triage = Objects.requireNonNull(triage);
    }

    /**
     * What {@link #accept} decides for {@code message} before storing it (intent, language, tags, deadlines), with
     * nothing stored: SnapStart priming runs the triage of a message of the reserved seller this way.
     */
    public Triage triage(InboundMessage message) {
        return triage.triage(message);
    }

    public Result accept(InboundMessage message) {
        Instant now = clock.instant();
        // Retention runs from when we learnt of the message, so a late redelivery is not born expired.
        Instant from = message.receivedAt().isAfter(now) ? message.receivedAt() : now;
        Triage found = triage.triage(message);
        TicketStore.AppendOutcome outcome = store.append(message, from.plus(personalDataRetention), found);
        return new Result(message.ticketId(), message.messageKey(), outcome == TicketStore.AppendOutcome.DUPLICATE, found);
    }
}
