package com.deskbridge.domain.sla;

/**
 * The instants at which a waiting ticket's SLA picture changes. Each fires at most once per waiting period (until
 * a reply or "no response needed" stops the clock): the sweep raises the ticket's priority to at least
 * {@link #priority()} and publishes an event of type {@link #eventType()}.
 */
public enum MilestoneKind {
    /** The at-risk share of the target window is used: stage {@link Stage#AT_RISK}. */
    AT_RISK("SlaAtRisk", Priority.HIGH),
    /** The seller's target: stage {@link Stage#TARGET_BREACHED}. */
    TARGET_DUE("SlaTargetBreached", Priority.HIGH),
    /** The channel's marketplace deadline (Amazon: 24 h): account health suffers. */
    MARKETPLACE_DUE("SlaBreached", Priority.URGENT),
    /** The deadline to answer a buyer's cancellation request. */
    CANCELLATION_DUE("CancellationRequestOverdue", Priority.URGENT),
    /** A delivery problem past the order's latest delivery date: priority {@link Priority#URGENT}. */
    URGENT("DeliveryUrgent", Priority.URGENT),
    /** The buyer may file an A-to-z Guarantee claim (Amazon only). */
    A_TO_Z_ELIGIBLE("AToZClaimPossible", Priority.URGENT),
    /**
     * A reply that had stopped the clock was refused by its channel for good: the buyer is still waiting, so the
     * ticket is open again and this fires at once (the sender sets it to the moment of the failure).
     */
    REPLY_FAILED("ReplyFailed", Priority.HIGH);

    private final String eventType;
    private final Priority priority;

    MilestoneKind(String eventType, Priority priority) {
        this.eventType = eventType;
        this.priority = priority;
    }

    /** The detail-type of the domain event this milestone publishes. */
    public String eventType() {
        return eventType;
    }

    /** The priority a ticket has at least once this milestone has passed. */
    public Priority priority() {
        return priority;
    }
}
