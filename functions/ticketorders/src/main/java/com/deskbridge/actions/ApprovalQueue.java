package com.deskbridge.actions;

import java.time.Instant;
import java.util.List;

/**
 * Refunds awaiting a lead's approval (issue 12): the seller's approval list (its entries are written by
 * {@link ActionStore#create} with the action) and the lead's decision as one atomic step. {@link DynamoDbApprovalQueue}
 * keeps them in the tickets table.
 */
public interface ApprovalQueue {

    /** Outcome of {@link #decide}. */
    enum Decided { DECIDED, NOT_AWAITING, SAME_PERSON }

    /**
     * A lead's decision about a refund that awaits approval, as one atomic step: the action moves from
     * AWAITING_APPROVAL (only from there, and only when {@code lead} is not the agent who asked: {@link #mayDecide}) to
     * QUEUED, entering the submitter's queue when it is Amazon's, or to REJECTED, which counts as its agent's outcome;
     * its entry leaves the seller's approval list. Two leads deciding at once, or one deciding twice, move it once.
     */
    Decided decide(OrderAction a, boolean approve, String lead, Instant now);

    /** The seller's refunds awaiting approval, oldest first (action ids are time-ordered), at most {@code limit}. */
    List<OrderAction> awaiting(String sellerId, int limit);

    /** Whether {@code lead} may decide about {@code current}: it still awaits approval and a second person decides. */
    static boolean mayDecide(OrderAction current, String lead) {
        return current.state() == ActionState.AWAITING_APPROVAL && !lead.equals(current.agentId());
    }

    /** Why a decision about {@code current} did not happen. */
    static Decided refused(OrderAction current, String lead) {
        return current.state() == ActionState.AWAITING_APPROVAL && lead.equals(current.agentId()) ? Decided.SAME_PERSON
                : Decided.NOT_AWAITING;
    }

    /** {@code a} as the lead's decision leaves it: QUEUED (approved) or REJECTED, with who decided and when. */
    static OrderAction decided(OrderAction a, boolean approve, String lead, Instant now) {
        return new OrderAction(a.sellerId(), a.ticketId(), a.actionId(), a.type(),
                approve ? ActionState.QUEUED : ActionState.REJECTED, a.orderId(), a.marketplaceId(), a.agentId(), a.amount(),
                a.currency(), a.reason(), a.requestedAt(), a.buyerRequestAt(), now, a.commandJson(), a.feedAttemptId(),
                a.feedId(), a.messageId(), a.error(), new OrderAction.Decision(approve, lead, now), a.channel());
    }
}
