package com.deskbridge.orderactions;

/**
 * Checks a refund or cancellation against the live order before anything is sent to Amazon, because
 * refunds are irreversible and a wrong feed message is only reported back minutes later (GitHub issue 6,
 * product.md §3, functions/orderactions/README.md). Pure: no I/O, no clock.
 *
 * <p>Refund rules (each violation names its field):
 * <ul>
 *   <li>another seller's order: 404, nothing else is checked; request for a different order id; missing reason;</li>
 *   <li>MCF orders: refused, the buyer paid on the other sales channel; cancelled or pending (not charged) orders: refused;</li>
 *   <li>full refund: no lines allowed; refunds every item's remaining principal, shipping, tax and shipping tax,
 *       capped by what is left of the item's total (earlier goodwill counts); nothing left is a violation;</li>
 *   <li>per line: item id required, known, not repeated; quantity at least 1 and at most ordered minus already
 *       refunded; at least one component, none repeated; amounts in the order currency, above zero, at most 2
 *       decimals; principal/shipping/tax/shipping tax at most paid minus already refunded (a fully refunded
 *       component is reported as already refunded, a component never paid as not paid);</li>
 *   <li>restocking fee (a deduction): only with reason CustomerReturn and at most 20% of the principal refunded in
 *       the same line (Amazon's maximum restocking fee; the line therefore always stays a credit, as Amazon requires);</li>
 *   <li>the line's credits (goodwill included) at most what is left of the item's total.</li>
 * </ul>
 * FBA refunds go through the same feed (allowed by the issue; Amazon's support for them is UNCONFIRMED).
 *
 * <p>Cancellation rules: another seller's order 404; FBA: always refused with what to do instead; MCF: allowed while
 * New, Received, Planning or Processing, as a {@link McfCancellationCommand}; FBM: reason required, only Unshipped
 * orders with nothing shipped (cancelled, shipped, pending and other states are refused), as an
 * {@link OrderCancellationCommand} for all items.
 */
public final class OrderActionPolicy {

    public Validation<RefundCommand> validateRefund(OrderSnapshot order, RefundRequest request, String sellerId) {
        return RefundRules.validate(order, request, sellerId);
    }

    public Validation<CancellationCommand> validateCancellation(OrderSnapshot order, CancellationRequest request, String sellerId) {
        return CancellationRules.validate(order, request, sellerId);
    }
}
