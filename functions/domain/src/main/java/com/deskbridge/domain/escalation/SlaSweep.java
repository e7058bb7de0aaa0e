package com.deskbridge.domain.escalation;

import com.deskbridge.domain.sla.Priority;

import com.deskbridge.domain.sla.MilestoneKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    /** PutEvents takes at most 10 entries: tickets are published in groups that fill one call. */
    private static final int EVENTS_PER_CALL = 10;

    private final DueIndex index;
    private final EventPublisher publisher;
    private final Clock clock;

    public SlaSweep(DueIndex index, EventPublisher publisher, Clock clock) {
        this.index = Objects.requireNonNull(index);
        this.publisher = Objects.requireNonNull(publisher);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * How many tickets a run would find due now (at most a page per shard), read and counted only: nothing fires,
     * nothing is published. SnapStart priming runs the sweep's reads this way.
     */
    public int peek() {
        Instant now = clock.instant();
        int due = 0;
        for (int shard = 0; shard < index.shards(); shard++) {
            due += index.due(shard, now, PAGE).size();
        }
        return due;
    }

    public Report run() {
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (int shard = 0; shard < index.shards(); shard++) {
            List<DueTicket> page;
            do {
                page = index.due(shard, now, PAGE);
                int settledBefore = tally.settled;
                List<ToPublish> ready = new ArrayList<>();
                for (DueTicket ticket : page) {
                    tally.due++;
                    prepare(ticket, now, tally).ifPresent(ready::add);
                }
                publishAndSettle(ready, now, tally);
                // Settled tickets leave the due range, so the next query returns the rest; stop when nothing moved
                // (e.g. the bus is down): those tickets stay due for the next sweep.
                if (tally.settled == settledBefore) {
                    break;
                }
            } while (page.size() == PAGE);
        }
        return new Report(tally.due, tally.fired, tally.published, tally.lostRaces, tally.publishFailures);
    }

    /** Counts of one sweep. */
    private static final class Tally {
        int due;
        int fired;
        int published;
        int lostRaces;
        int publishFailures;
        int settled;
    }

    /** A ticket whose recorded events are to be published, then the ticket settled. */
    private record ToPublish(DueTicket ticket, List<DomainEvent> events, Set<MilestoneKind> firing) {
    }

    /** Records what is due (or claims a stale outbox); empty when there is nothing to publish for this ticket. */
    private Optional<ToPublish> prepare(DueTicket ticket, Instant now, Tally tally) {
        if (!ticket.outbox().isEmpty()) {
            // A previous sweep recorded these but has not confirmed their publication (yet).
            if (ticket.outboxAt() != null && ticket.outboxAt().plus(OUTBOX_LEASE).isAfter(now)) {
                return Optional.empty(); // still that sweep's to finish
            }
            if (!index.claimOutbox(ticket, now)) {
                tally.lostRaces++;
                return Optional.empty();
            }
            return Optional.of(new ToPublish(ticket, ticket.outbox(), EnumSet.noneOf(MilestoneKind.class)));
        }
        List<MilestoneKind> newlyDue = ticket.newlyDue(now);
        if (newlyDue.isEmpty()) {
            // The index position is stale (the timeline changed): just move the ticket on.
            settle(ticket, ticket.nextAfter(now, Set.of()), tally);
            return Optional.empty();
        }
        Priority priority = ticket.priority();
        List<DomainEvent> events = new ArrayList<>();
        for (MilestoneKind m : newlyDue) {
            priority = priority.max(m.priority());
            events.add(DomainEvent.of(ticket.seller(), ticket.ticket(), m, ticket.milestones().get(m), now));
        }
        Set<MilestoneKind> firing = EnumSet.copyOf(newlyDue);
        if (!index.recordFired(ticket, firing, priority, events, now)) {
            tally.lostRaces++;
            return Optional.empty();
        }
        tally.fired += newlyDue.size();
        DueTicket recorded = new DueTicket(ticket.seller(), ticket.ticket(), ticket.indexKey(), priority,
                ticket.milestones(), union(ticket.fired(), firing), events, now);
        return Optional.of(new ToPublish(recorded, events, firing));
    }

    /**
     * Publishes in groups that fill one PutEvents call (10 entries), and settles each group's tickets once their
     * events are accepted. A group that fails stays recorded in its tickets' outboxes for a later sweep.
     */
    private void publishAndSettle(List<ToPublish> ready, Instant now, Tally tally) {
        List<ToPublish> group = new ArrayList<>();
        int entries = 0;
        for (ToPublish p : ready) {
            if (entries + p.events().size() > EVENTS_PER_CALL && !group.isEmpty()) {
                flush(group, now, tally);
                group = new ArrayList<>();
                entries = 0;
            }
            group.add(p);
            entries += p.events().size();
        }
        if (!group.isEmpty()) {
            flush(group, now, tally);
        }
    }

    private void flush(List<ToPublish> group, Instant now, Tally tally) {
        List<DomainEvent> events = group.stream().flatMap(p -> p.events().stream()).toList();
        try {
            publisher.publish(events);
        } catch (RuntimeException e) {
            tally.publishFailures += group.size();
            return;
        }
        tally.published += events.size();
        for (ToPublish p : group) {
            settle(p.ticket(), p.ticket().nextAfter(now, p.firing()), tally);
        }
    }

    private void settle(DueTicket ticket, Optional<Instant> next, Tally tally) {
        if (index.settle(ticket, next)) {
            tally.settled++;
        } else {
            tally.lostRaces++;
        }
    }

    private static Set<MilestoneKind> union(Set<MilestoneKind> a, Set<MilestoneKind> b) {
        Set<MilestoneKind> all = EnumSet.noneOf(MilestoneKind.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
