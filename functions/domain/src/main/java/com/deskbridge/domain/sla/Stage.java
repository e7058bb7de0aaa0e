package com.deskbridge.domain.sla;

/** How far a ticket's SLA has run, in escalation order. */
public enum Stage {
    /** Nothing is waiting: no unanswered buyer message (replied, or marked "no response needed"). */
    NONE(Priority.LOW),
    /** Waiting, less than the at-risk share of the target window used. */
    ON_TRACK(Priority.NORMAL),
    /** The at-risk share of the target window is used, the target not yet reached. */
    AT_RISK(Priority.HIGH),
    /** The seller's target has passed; the marketplace deadline not yet. */
    TARGET_BREACHED(Priority.HIGH),
    /** The marketplace deadline (Amazon's 24 h, the channel's own, or a cancellation deadline) has passed. */
    MARKETPLACE_BREACHED(Priority.URGENT);

    private final Priority suggestedPriority;

    Stage(Priority suggestedPriority) {
        this.suggestedPriority = suggestedPriority;
    }

    /** The priority a ticket at this stage should have at least. */
    public Priority suggestedPriority() {
        return suggestedPriority;
    }
}
