package com.deskbridge.actions;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order action stands (GitHub issue 6). Every change is a conditional update from the states a step
 * expects ({@link ActionStore#transition}), so a retried or duplicated step finds the state already moved and does
 * nothing. {@link #FAILED}, {@link #REJECTED} and {@link #ATTENTION_REQUIRED} are never shown as done.
 */
public enum ActionState {
    /** Accepted from the agent, not yet validated (only ever seen in the audit trail: validation precedes the write). */
    REQUESTED,
    /**
     * A refund above the seller's approval threshold: validated and recorded (it counts against what is refundable and
     * against the agent's daily cap), but never submitted to Amazon until a lead other than the requester approves it
     * (then {@link #QUEUED}) or rejects it ({@link #REJECTED}).
     */
    AWAITING_APPROVAL,
    /** Validated against the live order and waiting for a feed (or, for MCF, for cancelFulfillmentOrder). */
    QUEUED,
    /** In feed {@code feedId} as message {@code messageId}; Amazon has not reported yet. */
    SUBMITTED,
    /** Amazon processed the message without error. */
    COMPLETED,
    /** Amazon refused the message or the feed; {@code error} holds Amazon's text. */
    FAILED,
    /** Nobody can tell automatically whether Amazon applied it (no result in time, or createFeed outcome unknown). */
    ATTENTION_REQUIRED,
    /** A lead rejected the refund while it awaited approval: nothing was sent to Amazon, nothing will be. */
    REJECTED;

    /** States a result from Amazon may still be written over (a late report beats "attention required"). */
    public static final Set<ActionState> AWAITING_RESULT = EnumSet.of(QUEUED, SUBMITTED, ATTENTION_REQUIRED);

    /** True for the states an action ends in: reaching one counts as its requesting agent's outcome. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == REJECTED;
    }

    /** True for states in which the action may still pay money back (counted against what is refundable). */
    public boolean mayRefund() {
        return this != FAILED && this != REJECTED;
    }
}
