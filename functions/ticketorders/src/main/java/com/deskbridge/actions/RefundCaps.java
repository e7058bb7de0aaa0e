package com.deskbridge.actions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The agents' daily refund counters (issue 12): one per agent and UTC day, moved by {@link ActionStore#create} in the
 * same step that records a refund (only while {@link DailyCap#allows} it), read to explain a refusal, given back when
 * a lead rejects the refund. {@link DynamoDbRefundCaps} keeps them in the tickets table.
 */
public interface RefundCaps {

    /**
     * One agent's refunds on one UTC day, counted in the same step that records a refund, so the cap and the refund are
     * one decision (a refused refund counts nothing, a replayed key counts once).
     *
     * @param maxCount  refunds allowed that day (0: no count cap)
     * @param maxAmount money allowed that day in {@code currency}, or null for no amount cap
     * @param amount    this refund's amount in {@code currency}
     */
    record DailyCap(String agentId, LocalDate day, int maxCount, BigDecimal maxAmount, BigDecimal amount,
                    String currency) {

        /** Whether one more refund of {@code amount} fits on top of {@code used}: below the count cap, within the amount cap. */
        public boolean allows(CapUsage used) {
            return (maxCount <= 0 || used.count() < maxCount)
                    && (maxAmount == null || used.amount().add(amount).compareTo(maxAmount) <= 0);
        }

        /** How long the day's counter is kept: two days past its day, long enough to give back a refund rejected after midnight. */
        public Instant keptUntil() {
            return day.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** What one agent has refunded on one day: the count (every currency), and the amount in one currency. */
    record CapUsage(long count, BigDecimal amount) {
    }

    /** What {@code agentId} has refunded on {@code day} (in {@code currency}). */
    CapUsage usage(String sellerId, String agentId, LocalDate day, String currency);

    /** Gives a rejected refund back to its agent's day counter (best effort: a counter already expired stays gone). */
    void release(OrderAction a);

    /** The refusal of a refund over {@code cap}: what the agent has used today and when the cap resets. */
    default ActionResult.CapExceeded refusal(OrderAction refund, DailyCap cap) {
        CapUsage used = usage(refund.sellerId(), cap.agentId(), cap.day(), cap.currency());
        Instant resetsAt = cap.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean byCount = cap.maxCount() > 0 && used.count() >= cap.maxCount();
        String detail = byCount
                ? "agent " + cap.agentId() + " already requested " + used.count() + " refunds today, the seller's daily cap per agent"
                + " is " + cap.maxCount() + "; nothing was recorded. A lead can refund, or the cap resets at " + resetsAt
                : "refunding " + refund.amount() + " " + refund.currency() + " would take agent " + cap.agentId() + " to "
                + used.amount().add(cap.amount()).toPlainString() + " " + refund.currency() + " today, over the seller's daily cap"
                + " per agent of " + cap.maxAmount().toPlainString() + " " + refund.currency() + "; nothing was recorded."
                + " The cap resets at " + resetsAt;
        return new ActionResult.CapExceeded(detail, cap.maxCount(), used.count(),
                cap.maxAmount() == null ? null : cap.maxAmount().toPlainString(), used.amount().toPlainString(), cap.currency(), resetsAt);
    }
}
