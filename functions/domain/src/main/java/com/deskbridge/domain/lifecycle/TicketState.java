package com.deskbridge.domain.lifecycle;

import com.deskbridge.domain.inbox.TicketFacts;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a ticket's lifecycle reads and changes: its status, the waiting period and its SLA timeline, the open queue's
 * key, the latest intent, the tags, the escalation language seen, who last handled it, and whether the sweep holds
 * escalation events it has not published yet. {@link #NONE} is a ticket that does not exist yet.
 *
 * @param status             null only for {@link #NONE}
 * @param awaitingReplySince the oldest unanswered buyer message; null when nothing waits
 * @param dueAt              the waiting period's response deadline; null when none
 * @param queueKey           the position in its status queue (due time, waiting time, or when the clock stopped)
 * @param milestones         the waiting period's SLA timeline
 * @param fired              milestones the sweep has passed in this waiting period
 * @param escalationPending  the sweep recorded escalation events it has not published (they must not be lost)
 * @param sendFailed         a reply's send failed and no agent has acted since
 */
public record TicketState(TicketStatus status, Instant awaitingReplySince, Instant dueAt, Instant queueKey,
                          Map<MilestoneKind, Instant> milestones, Set<MilestoneKind> fired, String intent,
                          Set<String> tags, int messageCount, boolean escalationLanguage, String lastHandledBy,
                          boolean escalationPending, boolean sendFailed) {
    public static final TicketState NONE = new TicketState(null, null, null, null, Map.of(), Set.of(), null, Set.of(),
            0, false, null, false, false);

    public TicketState {
        milestones = milestones == null || milestones.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(milestones));
        fired = fired == null || fired.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fired));
        tags = tags == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(tags));
    }

    public boolean exists() {
        return status != null;
    }

    /** A buyer message waits for an answer: the response clock runs. */
    public boolean waiting() {
        return awaitingReplySince != null;
    }

    /** The inbox's facts with this state's lifecycle part (order facts, assignee and creation time as given). */
    public TicketFacts facts(TicketFacts rest) {
        Instant marketplaceDue = milestones.get(MilestoneKind.MARKETPLACE_DUE);
        return new TicketFacts(status, waiting(), intent, tags, dueAt, marketplaceDue, fired, rest.deliveryFlags(),
                rest.fulfilment(), rest.shipped(), rest.latestShipDate(), rest.latestDeliveryDate(), rest.trackingKnown(),
                rest.orderValue(), rest.currency(), messageCount, rest.assignee(), lastHandledBy, escalationLanguage,
                rest.createdAt());
    }
}
