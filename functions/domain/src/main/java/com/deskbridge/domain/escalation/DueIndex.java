package com.deskbridge.domain.escalation;

import com.deskbridge.domain.sla.Priority;

import com.deskbridge.domain.sla.MilestoneKind;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The index of waiting tickets by their next SLA milestone. It is sparse (only tickets with a running clock are in
 * it) and split into shards (so that no single index partition takes every write); a sweep reads only what is
 * due, so its cost grows with the number of due tickets, not with the number of tickets.
 */
public interface DueIndex {

    int shards();

    /** Tickets of one shard whose next milestone is at or before {@code now}, earliest first. */
    List<DueTicket> due(int shard, Instant now, int limit);

    /**
     * Records that milestones fired: adds them to the fired set, raises the priority and puts the events in the
     * ticket's outbox, in one write that only succeeds if the ticket is still where the sweep saw it in the index
     * and its outbox is empty.
     *
     * @return false when another sweep or a change to the ticket (a reply, a new waiting period) came first
     */
    boolean recordFired(DueTicket observed, Set<MilestoneKind> fired, Priority priority, List<DomainEvent> events,
                        Instant now);

    /**
     * Takes over an outbox whose sweep did not confirm its publication: stamps it with {@code now}, in one write
     * conditional on the stamp observed, so that of several sweeps exactly one republishes it.
     *
     * @return false when another sweep claimed it, or the ticket changed
     */
    boolean claimOutbox(DueTicket observed, Instant now);

    /**
     * After the outbox was published: empties it and moves the ticket to its next milestone, or out of the index,
     * in one write conditional on the index position observed.
     *
     * @return false when the ticket changed in between (it is then left for the next sweep)
     */
    boolean settle(DueTicket observed, Optional<Instant> next);
}
