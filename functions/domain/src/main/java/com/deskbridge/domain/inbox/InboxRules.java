package com.deskbridge.domain.inbox;

import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.ticket.TicketStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which views a ticket is in, and where in each: pure functions of the ticket's facts, so every write that changes a
 * ticket recomputes them and the views' counts follow (the store keeps them in the same transaction).
 *
 * <p>The work views hold open tickets (a buyer waits). {@link InboxView#MINE} also holds pending ones (an agent
 * answered; the buyer may write again): everything not closed that the agent owns.
 */
public final class InboxRules {
    /** Milestones after which the response deadline is close (the seller's at-risk share used) or passed. */
    private static final Set<MilestoneKind> DEADLINE_NEAR = EnumSet.of(MilestoneKind.AT_RISK, MilestoneKind.TARGET_DUE,
            MilestoneKind.MARKETPLACE_DUE, MilestoneKind.CANCELLATION_DUE, MilestoneKind.REPLY_FAILED);
    public static final String NEEDS_TRIAGE_TAG = "needs-triage";

    private InboxRules() {
    }

    /** The ticket's views; {@link #owner} says whose {@link InboxView#MINE} it is in. */
    public static Set<InboxView> membership(TicketFacts t) {
        Set<InboxView> views = EnumSet.noneOf(InboxView.class);
        if (t.status() != TicketStatus.CLOSED && owner(t) != null) {
            views.add(InboxView.MINE);
        }
        if (!t.open()) {
            return views;
        }
        String intent = t.intent() == null ? "" : t.intent().toUpperCase(Locale.ROOT);
        if (t.awaitingReply() && t.fired().stream().anyMatch(DEADLINE_NEAR::contains)) {
            views.add(InboxView.BREACHING_SOON);
        }
        boolean deliveryProblem = intent.equals("DELIVERY_PROBLEM") || t.hasDeliveryFlag();
        if (deliveryProblem) {
            views.add(InboxView.DELIVERY_PROBLEMS);
        }
        boolean unshippedFbm = "FBM".equals(t.fulfilment()) && Boolean.FALSE.equals(t.shipped());
        switch (intent) {
            case "CANCELLATION_REQUEST" -> views.add(unshippedFbm ? InboxView.CANCEL_BEFORE_SHIPPING
                    // shipped (or Amazon ships it): what remains is a return or a refund
                    : t.shipped() != null ? InboxView.REFUNDS_AND_RETURNS : InboxView.CANCEL_BEFORE_SHIPPING);
            case "REFUND_REQUEST", "RETURN", "DAMAGED_ITEM" -> views.add(InboxView.REFUNDS_AND_RETURNS);
            case "WHERE_IS_MY_ORDER" -> {
                if (!deliveryProblem) {
                    views.add(t.trackingKnown() ? InboxView.WHERE_IS_MY_ORDER_TRACKING_KNOWN
                            : InboxView.WHERE_IS_MY_ORDER_TRACKING_UNKNOWN);
                }
            }
            case "PRODUCT_QUESTION" -> views.add(InboxView.PRODUCT_QUESTIONS);
            case "POSITIVE_FEEDBACK" -> views.add(InboxView.NO_REPLY_NEEDED);
            default -> {
            }
        }
        if (t.tags().contains(NEEDS_TRIAGE_TAG)) {
            views.add(InboxView.NEEDS_TRIAGE);
        }
        return views;
    }

    /** The agent whose {@link InboxView#MINE} holds the ticket: its assignee, else who last handled it; or null. */
    public static String owner(TicketFacts t) {
        if (t.assignee() != null && !t.assignee().isBlank()) {
            return t.assignee();
        }
        return t.lastHandledBy() == null || t.lastHandledBy().isBlank() ? null : t.lastHandledBy();
    }

    /**
     * The ticket's position in the view: ascending string order is the view's order. Cancel before it ships reads by
     * ship-by time; delivery problems put A-to-z eligible tickets first, then by score; every other view by score
     * (highest first), then by response deadline, then by arrival.
     */
    public static String sortKey(InboxView view, TicketFacts t, int score) {
        String byScore = String.format(Locale.ROOT, "%06d", Math.max(0, PriorityScore.MAX - Math.min(score, PriorityScore.MAX)))
                + "#" + time(t.dueAt()) + "#" + time(t.createdAt());
        return switch (view) {
            case CANCEL_BEFORE_SHIPPING -> time(t.latestShipDate()) + "#" + byScore;
            case DELIVERY_PROBLEMS -> (t.aToZEligible() ? "0" : "1") + "#" + byScore;
            default -> byScore;
        };
    }

    /** Fixed width, so string order is time order; unknown times last. */
    private static String time(Instant at) {
        return at == null ? "9999-99-99" : String.format(Locale.ROOT, "%015d", at.toEpochMilli());
    }
}
