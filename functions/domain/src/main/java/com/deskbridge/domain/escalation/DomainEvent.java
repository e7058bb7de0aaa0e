package com.deskbridge.domain.escalation;

import com.deskbridge.domain.sla.MilestoneKind;

import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a ticket, for other parts of the system (notifications, dashboards). The id is
 * derived from what happened, so a re-publication after a crash carries the same id and consumers can drop it.
 *
 * @param milestoneAt when the milestone fell due (not when the sweep noticed)
 */
public record DomainEvent(String id, String type, SellerId seller, TicketId ticket, MilestoneKind milestone,
                          Instant milestoneAt, Instant occurredAt) {
    public DomainEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(type);
        Objects.requireNonNull(seller);
        Objects.requireNonNull(ticket);
    }

    static DomainEvent of(SellerId seller, TicketId ticket, MilestoneKind milestone, Instant milestoneAt, Instant now) {
        String id = ticket.value() + ":" + milestone.name() + ":" + milestoneAt.toEpochMilli();
        return new DomainEvent(id, milestone.eventType(), seller, ticket, milestone, milestoneAt, now);
    }
}
