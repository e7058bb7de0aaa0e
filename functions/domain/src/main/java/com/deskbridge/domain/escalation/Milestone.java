package com.deskbridge.domain.escalation;

/**
 * A point on a waiting ticket's SLA timeline at which the sweep must act. Each fires at most once per waiting
 * period (until the clock is stopped by a reply or "no response needed"), raises the ticket's priority and
 * publishes one domain event.
 */
public enum Milestone {
    /** A configurable share of the seller's target window is used up. */
    AT_RISK("SlaAtRisk", Priority.HIGH),
    /** The seller's own response target has passed. */
    TARGET_BREACHED("SlaTargetBreached", Priority.HIGH),
    /** The marketplace's deadline (Amazon: 24 h) has passed: account health suffers. */
    MARKETPLACE_BREACHED("SlaBreached", Priority.URGENT),
    /** A delivery problem past the order's latest delivery date: an A-to-z claim is days away. */
    DELIVERY_URGENT("DeliveryUrgent", Priority.URGENT),
    /** A buyer's cancellation request has waited the 2 days Amazon allows. */
    CANCELLATION_OVERDUE("CancellationRequestOverdue", Priority.URGENT);

    private final String eventType;
    private final Priority priority;

    Milestone(String eventType, Priority priority) {
        this.eventType = eventType;
        this.priority = priority;
    }

    /** The detail-type of the domain event this milestone publishes. */
    public String eventType() {
        return eventType;
    }

    /** The priority the ticket has at least once this milestone has passed. */
    public Priority priority() {
        return priority;
    }
}
