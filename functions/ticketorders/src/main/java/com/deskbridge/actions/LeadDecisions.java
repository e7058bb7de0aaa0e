package com.deskbridge.actions;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lead's approval or rejection of a refund that awaits approval (issue 12): once, only by a lead other than the
 * agent who asked ({@link ApprovalQueue#decide}, one conditional transaction); the evidence log records who asked and
 * who decided. An approved refund goes on ({@link ActionDispatch#approved}); a rejected one gives its agent's daily
 * cap back.
 */
final class LeadDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(LeadDecisions.class);

    private final ActionStore store;
    private final AuditTrail audit;
    private final ActionDispatch dispatch;
    private final Clock clock;

    LeadDecisions(ActionStore store, AuditTrail audit, ActionDispatch dispatch, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit);
        this.dispatch = Objects.requireNonNull(dispatch);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@code found}: the action as read (empty: not this seller's, or unknown). */
    ApprovalResult decide(Optional<OrderAction> found, String actionId, String lead, boolean approve) {
        if (found.isEmpty()) {
            return new ApprovalResult.NotFound(actionId);
        }
        OrderAction action = found.get();
        if (action.state() != ActionState.AWAITING_APPROVAL) {
            return sameDecision(action, lead, approve) ? new ApprovalResult.Decided(action, true) : new ApprovalResult.NotAwaiting(action);
        }
        if (lead.equals(action.agentId())) {
            return new ApprovalResult.SecondPersonRequired(action);
        }
        Instant now = clock.instant();
        switch (store.approvals().decide(action, approve, lead, now)) {
            case SAME_PERSON:
                return new ApprovalResult.SecondPersonRequired(action);
            case NOT_AWAITING: {
                OrderAction current = store.get(action.sellerId(), action.ticketId(), actionId).orElse(action);
                return sameDecision(current, lead, approve) ? new ApprovalResult.Decided(current, true)
                        : new ApprovalResult.NotAwaiting(current);
            }
            case DECIDED:
            default:
        }
        OrderAction decided = store.get(action.sellerId(), action.ticketId(), actionId).orElseThrow();
        record(decided, approve, lead, now);
        if (approve) {
            return new ApprovalResult.Decided(dispatch.approved(decided), false);
        }
        store.caps().release(decided);
        return new ApprovalResult.Decided(decided, false);
    }

    private void record(OrderAction decided, boolean approve, String lead, Instant now) {
        String verb = approve ? "approved" : "rejected";
        try {
            audit.record(decided, approve ? AuditTrail.APPROVED : AuditTrail.REJECTED, now);
            if (approve) {
                audit.record(decided, AuditTrail.QUEUED, now);
            }
        } catch (RuntimeException e) {
            LOG.error("action {} {} but its evidence entry was not written: {}", decided.actionId(), verb, e.toString());
        }
        LOG.info("action {} {} by lead {} (requested by {}) seller {}", decided.actionId(), verb, lead, decided.agentId(),
                decided.sellerId());
    }

    private static boolean sameDecision(OrderAction action, String lead, boolean approve) {
        return action.decision() != null && action.decision().by().equals(lead) && action.decision().approved() == approve;
    }
}
