package com.deskbridge.domain.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every milestone of one waiting ticket, computed once by {@link SlaCalculator}; the stage and priority at any
 * instant follow from it.
 *
 * <p>All deadlines are exclusive: a reply is on time strictly before its deadline, and at the deadline itself the
 * stage has already changed. Hence {@link #stageAt} and {@link #priorityAt} are constant on every half-open interval
 * between consecutive milestone instants and change only at a milestone; a sweep that wakes at
 * {@link #nextMilestoneAfter} sees every change. Both only ever rise as time passes.
 *
 * @param receivedAt        the oldest unanswered buyer message
 * @param atRiskAt          {@link Stage#AT_RISK} from here
 * @param targetDueAt       the seller target: {@link Stage#TARGET_BREACHED} from here
 * @param targetBasis       which rule set {@code targetDueAt}
 * @param marketplaceDueAt  the channel's marketplace deadline
 * @param cancellationDueAt the cancellation-request deadline; {@code null} without a request
 * @param urgentAt          the order's latest delivery date for a delivery-problem ticket: {@link Priority#URGENT}
 *                          from here; {@code null} otherwise
 * @param aToZEligibleAt    when an A-to-z claim becomes possible (Amazon delivery problems); {@code null} otherwise
 */
public record SlaTimeline(Instant receivedAt, Instant atRiskAt, Instant targetDueAt, TargetBasis targetBasis,
        Instant marketplaceDueAt, Instant cancellationDueAt, Instant urgentAt, Instant aToZEligibleAt) {

    /** @throws IllegalArgumentException unless at risk ≤ target due ≤ marketplace breach */
    public SlaTimeline {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(atRiskAt, "atRiskAt");
        Objects.requireNonNull(targetDueAt, "targetDueAt");
        Objects.requireNonNull(targetBasis, "targetBasis");
        Objects.requireNonNull(marketplaceDueAt, "marketplaceDueAt");
        Instant breach = earliest(marketplaceDueAt, cancellationDueAt);
        if (atRiskAt.isAfter(targetDueAt) || targetDueAt.isAfter(breach)) {
            throw new IllegalArgumentException("milestones out of order: at risk " + atRiskAt + ", target "
                    + targetDueAt + ", marketplace breach " + breach);
        }
    }

    /**
     * When the ticket counts as {@link Stage#MARKETPLACE_BREACHED}: the marketplace deadline or, when earlier, the
     * cancellation deadline (after it the buyer may take the cancellation to the marketplace).
     */
    public Instant marketplaceBreachAt() {
        return earliest(marketplaceDueAt, cancellationDueAt);
    }

    /** The stage at {@code now}; never {@link Stage#NONE}, which is for tickets without a timeline. */
    public Stage stageAt(Instant now) {
        if (!now.isBefore(marketplaceBreachAt())) {
            return Stage.MARKETPLACE_BREACHED;
        }
        if (!now.isBefore(targetDueAt)) {
            return Stage.TARGET_BREACHED;
        }
        if (!now.isBefore(atRiskAt)) {
            return Stage.AT_RISK;
        }
        return Stage.ON_TRACK;
    }

    /** The suggested priority at {@code now}: the stage's, or {@link Priority#URGENT} from {@link #urgentAt}. */
    public Priority priorityAt(Instant now) {
        Priority byStage = stageAt(now).suggestedPriority();
        return urgentAt != null && !now.isBefore(urgentAt) ? byStage.max(Priority.URGENT) : byStage;
    }

    /** The priority to set: {@code current} raised to {@link #priorityAt}, never lowered. */
    public Priority raise(Priority current, Instant now) {
        return current.max(priorityAt(now));
    }

    /** Every milestone, by instant (ties in {@link MilestoneKind} order); may include instants before receipt. */
    public List<Milestone> milestones() {
        List<Milestone> list = new ArrayList<>();
        list.add(new Milestone(MilestoneKind.AT_RISK, atRiskAt));
        list.add(new Milestone(MilestoneKind.TARGET_DUE, targetDueAt));
        list.add(new Milestone(MilestoneKind.MARKETPLACE_DUE, marketplaceDueAt));
        if (cancellationDueAt != null) {
            list.add(new Milestone(MilestoneKind.CANCELLATION_DUE, cancellationDueAt));
        }
        if (urgentAt != null) {
            list.add(new Milestone(MilestoneKind.URGENT, urgentAt));
        }
        if (aToZEligibleAt != null) {
            list.add(new Milestone(MilestoneKind.A_TO_Z_ELIGIBLE, aToZEligibleAt));
        }
        list.sort(Comparator.comparing(Milestone::at).thenComparing(Milestone::kind));
        return List.copyOf(list);
    }

    /**
     * The earliest milestone instant strictly after {@code now}; empty when all have passed. Monotone: a later
     * {@code now} never gives an earlier answer, and calling it again with its own answer moves to the next one.
     */
    public Optional<Instant> nextMilestoneAfter(Instant now) {
        return milestones().stream().map(Milestone::at).filter(at -> at.isAfter(now)).findFirst();
    }

    private static Instant earliest(Instant a, Instant maybe) {
        return maybe != null && maybe.isBefore(a) ? maybe : a;
    }
}
