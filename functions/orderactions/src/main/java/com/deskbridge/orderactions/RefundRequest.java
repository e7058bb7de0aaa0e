package com.deskbridge.orderactions;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an agent asked for, as received (unvalidated): either a full refund of everything still refundable,
 * or per-item lines with a quantity and amounts per component. Kept as raw input (nullable fields, amounts as
 * {@link BigDecimal} with their own currency, components as a list so duplicates stay visible) so that
 * {@link OrderActionPolicy} can name every wrong field instead of failing on the first.
 *
 * @param orderId the order the agent acts on (must be the snapshot's order)
 * @param full    true for a full refund; then {@code lines} must be empty
 * @param reason  Amazon's adjustment reason
 * @param lines   per-item lines of a partial refund
 */
public record RefundRequest(String orderId, boolean full, AdjustmentReason reason, List<Line> lines) {

    public RefundRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static RefundRequest full(String orderId, AdjustmentReason reason) {
        return new RefundRequest(orderId, true, reason, List.of());
    }

    public static RefundRequest partial(String orderId, AdjustmentReason reason, List<Line> lines) {
        return new RefundRequest(orderId, false, reason, lines);
    }

    /**
     * One item of a partial refund. Amounts are totals for the line (all refunded units together), as
     * Amazon's adjustment feed expects ("amounts are aggregates of the quantity, not unit prices").
     *
     * @param quantity units refunded, or null when only money is adjusted (e.g. goodwill)
     */
    public record Line(String orderItemId, Integer quantity, List<ComponentAmount> components) {
        public Line {
            components = components == null ? List.of() : List.copyOf(components);
        }
    }

    /** An amount for one component, positive; for {@link RefundComponent#RESTOCKING_FEE} the fee kept back. */
    public record ComponentAmount(RefundComponent component, BigDecimal amount, String currency) {
        public static ComponentAmount of(RefundComponent component, String amount, String currency) {
            return new ComponentAmount(component, new BigDecimal(amount), currency);
        }
    }
}
