package com.deskbridge.actions;

import com.deskbridge.adapters.metrics.Metrics;
import com.deskbridge.logistics.EvidenceLog;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes every step of an action into the ticket's hash-chained evidence log (issue 6 "Audit"), with only the fields
 * {@link com.deskbridge.logistics.EvidenceChain} allows: ids, type, feed, amount, agent, Amazon's result text, when it
 * happened and, in {@code note}, the minutes since the buyer's request (how long the buyer waited for this step).
 */
public final class AuditTrail {

    public static final String REQUESTED = "ACTION_REQUESTED";
    public static final String VALIDATED = "ACTION_VALIDATED";
    public static final String QUEUED = "ACTION_QUEUED";
    public static final String SUBMITTED = "ACTION_SUBMITTED";
    public static final String COMPLETED = "ACTION_COMPLETED";
    public static final String FAILED = "ACTION_FAILED";
    public static final String ATTENTION_REQUIRED = "ACTION_ATTENTION_REQUIRED";
    public static final String AWAITING_APPROVAL = "ACTION_AWAITING_APPROVAL";
    /** A lead approved a refund that awaited approval: {@code agentId} asked, {@code decidedBy} approved. */
    public static final String APPROVED = "ACTION_APPROVED";
    /** A lead rejected a refund that awaited approval: {@code agentId} asked, {@code decidedBy} rejected. */
    public static final String REJECTED = "ACTION_REJECTED";

    private static final int MAX_TEXT = 500;

    private final EvidenceLog log;

    public AuditTrail(EvidenceLog log) {
        this.log = log;
    }

    /** Appends one entry for {@code action} at {@code at}. */
    public void record(OrderAction action, String kind, Instant at) {
        Map<String, String> p = new TreeMap<>();
        p.put("actionId", action.actionId());
        p.put("actionType", action.type().name());
        p.put("status", action.state().name());
        p.put("orderId", action.orderId());
        p.put("agentId", action.agentId());
        p.put("amount", action.amount());
        p.put("currency", action.currency());
        p.put("reason", action.reason());
        p.put("feedId", action.feedId());
        p.put("eventAt", at.toString());
        if (action.error() != null) {
            p.put("result", action.error().length() > MAX_TEXT ? action.error().substring(0, MAX_TEXT) + "…" : action.error());
        }
        if (action.decision() != null) {
            p.put("decidedBy", action.decision().by());
        }
        String minutes = action.minutesSinceBuyerRequest(at);
        if (minutes != null) {
            p.put("note", minutes + " min since buyer request");
        }
        log.append(action.sellerId(), action.ticketId(), kind, p);
        if (kind.equals(COMPLETED) || kind.equals(FAILED) || kind.equals(ATTENTION_REQUIRED)) {
            Metrics.count(Metrics.FEED_ACTIONS, "Outcome", action.state().name(), 1);
        }
    }

    static String kindFor(ActionState state) {
        return switch (state) {
            case REQUESTED -> REQUESTED;
            case QUEUED -> QUEUED;
            case SUBMITTED -> SUBMITTED;
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case ATTENTION_REQUIRED -> ATTENTION_REQUIRED;
            case AWAITING_APPROVAL -> AWAITING_APPROVAL;
            case REJECTED -> REJECTED;
        };
    }
}
