package com.deskbridge.domain.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The scheduled sweep: for every due ticket, fire the milestones that have passed (once), raise its priority,
 * publish the events, and move it to its next milestone.
 *
 * <p>Exactly once: each transition is a conditional write on the index position the sweep observed, so two sweeps
 * that overlap (or a retried one) cannot both fire a milestone. Nothing is lost: events are written to the
 * ticket's outbox in the same write, and the ticket stays due in the index until their publication is confirmed;
 * a sweep that fails half-way leaves the outbox for the next one to publish. Consumers see an event at least once
 * and may see it twice after a crash between publishing and settling; its id is stable for that purpose.
 */
public final class SlaSweep {
    /** What one sweep did, for logs and metrics. */
    public record Report(int due, int fired, int published, int lostRaces, int publishFailures) {
    }

    private static final int PAGE = 100;
    /**
     * How long an unconfirmed outbox belongs to the sweep that wrote it. Longer than a sweep may run (the
     * function's timeout is 50 s), so a live sweep is never raced; after it, the next sweep takes over.
     */
    public static final Duration OUTBOX_LEASE = Duration.ofSeconds(60);

    private final DueIndex index;
    private final EventPublisher publisher;
    private final Clock clock;

    public SlaSweep(DueIndex index, EventPublisher publisher, Clock clock) {
        this.index = Objects.requireNonNull(index);
        this.publisher = Objects.requireNonNull(publisher);
        this.clock = Objects.requireNonNull(clock);
    }

    public Report run() {
        Instant now = clock.instant();
        int due = 0;
        int fired = 0;
        int published = 0;
        int lostRaces = 0;
        int publishFailures = 0;
        for (int shard = 0; shard < index.shards(); shard++) {
            List<DueTicket> page;
            do {
                page = index.due(shard, now, PAGE);
                boolean progressed = false;
                for (DueTicket ticket : page) {
                    due++;
                    Outcome o = handle(ticket, now);
                    fired += o.fired;
                    published += o.published;
                    lostRaces += o.lostRace ? 1 : 0;
                    publishFailures += o.publishFailed ? 1 : 0;
                    progressed |= o.settled;
                }
                // Settled tickets leave the due range, so the next query returns the rest; stop when nothing moved
                // (e.g. the bus is down): those tickets stay due for the next sweep.
                if (!progressed) {
                    break;
                }
            } while (page.size() == PAGE);
        }
        return new Report(due, fired, published, lostRaces, publishFailures);
    }

    private record Outcome(int fired, int published, boolean lostRace, boolean publishFailed, boolean settled) {
    }

    private Outcome handle(DueTicket ticket, Instant now) {
        if (!ticket.outbox().isEmpty()) {
            // A previous sweep recorded these but has not confirmed their publication (yet).
            if (ticket.outboxAt() != null && ticket.outboxAt().plus(OUTBOX_LEASE).isAfter(now)) {
                return new Outcome(0, 0, false, false, false); // still that sweep's to finish
            }
            if (!index.claimOutbox(ticket, now)) {
                return new Outcome(0, 0, true, false, false);
            }
            return publishAndSettle(ticket, ticket.outbox(), EnumSet.noneOf(Milestone.class), now, 0);
        }
        List<Milestone> newlyDue = ticket.newlyDue(now);
        if (newlyDue.isEmpty()) {
            // The index position is stale (the timeline changed): just move the ticket on.
            boolean settled = index.settle(ticket, ticket.nextAfter(now, Set.of()));
            return new Outcome(0, 0, !settled, false, settled);
        }
        Priority priority = ticket.priority();
        List<DomainEvent> events = new ArrayList<>();
        for (Milestone m : newlyDue) {
            priority = priority.atLeast(m.priority());
            events.add(DomainEvent.of(ticket.seller(), ticket.ticket(), m, ticket.milestones().get(m), now));
        }
        Set<Milestone> firing = EnumSet.copyOf(newlyDue);
        if (!index.recordFired(ticket, firing, priority, events, now)) {
            return new Outcome(0, 0, true, false, false);
        }
        DueTicket recorded = new DueTicket(ticket.seller(), ticket.ticket(), ticket.indexKey(), priority,
                ticket.milestones(), union(ticket.fired(), firing), events, now);
        return publishAndSettle(recorded, events, firing, now, newlyDue.size());
    }

    private Outcome publishAndSettle(DueTicket ticket, List<DomainEvent> events, Set<Milestone> firing, Instant now,
                                     int fired) {
        try {
            publisher.publish(events);
        } catch (RuntimeException e) {
            return new Outcome(fired, 0, false, true, false);
        }
        boolean settled = index.settle(ticket, ticket.nextAfter(now, firing));
        return new Outcome(fired, events.size(), !settled, false, settled);
    }

    private static Set<Milestone> union(Set<Milestone> a, Set<Milestone> b) {
        Set<Milestone> all = EnumSet.noneOf(Milestone.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
