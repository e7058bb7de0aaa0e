package com.deskbridge.domain.escalation;

import com.deskbridge.domain.sla.Priority;

import com.deskbridge.domain.sla.MilestoneKind;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A ticket the due index says needs the sweep's attention, as the sweep observed it.
 *
 * @param indexKey   the due-index position observed; every write is conditional on it, which makes each
 *                   transition happen once however many sweeps overlap
 * @param milestones the waiting period's timeline
 * @param fired      milestones already acted on in this waiting period
 * @param outbox     events recorded but not yet known to be published
 * @param outboxAt   when the outbox was written or last claimed by a sweep; null when it is empty
 */
public record DueTicket(SellerId seller, TicketId ticket, String indexKey, Priority priority,
                        Map<MilestoneKind, Instant> milestones, Set<MilestoneKind> fired, List<DomainEvent> outbox,
                        Instant outboxAt) {
    public DueTicket {
        milestones = milestones.isEmpty() ? Map.of() : new EnumMap<>(milestones);
        fired = fired.isEmpty() ? EnumSet.noneOf(MilestoneKind.class) : EnumSet.copyOf(fired);
        outbox = List.copyOf(outbox);
    }

    /** Milestones due at {@code now} that have not fired yet, in time order. */
    public List<MilestoneKind> newlyDue(Instant now) {
        return milestones.entrySet().stream()
                .filter(e -> !e.getValue().isAfter(now) && !fired.contains(e.getKey()))
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The first milestone after {@code now} not yet fired: where the ticket goes in the due index next. */
    public Optional<Instant> nextAfter(Instant now, Set<MilestoneKind> alsoFired) {
        return milestones.entrySet().stream()
                .filter(e -> e.getValue().isAfter(now) && !fired.contains(e.getKey()) && !alsoFired.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .min(Instant::compareTo);
    }
}
