package com.deskbridge.spapi;

import java.util.Optional;

/**
 * One order line as the helpdesk shows it and as refunds/cancellations address it ({@code orderItemId} is
 * Amazon's {@code AmazonOrderItemCode} in feeds).
 *
 * @param unitPrice            price of one unit (v2026 {@code product.price.unitPrice}; v0 {@code ItemPrice} ÷ quantity)
 * @param buyerRequestedCancel the buyer asked Amazon to cancel this item (v0 {@code BuyerRequestedCancel}, v2026
 *                             {@code cancellation.cancellationRequest.requester=BUYER}); domain-reference §1.5
 */
public record SpOrderItem(String orderItemId, Optional<String> sku, Optional<String> asin, Optional<String> title,
                          int quantityOrdered, Optional<Integer> quantityShipped, Optional<Money> unitPrice,
                          Optional<Money> itemPrice, boolean buyerRequestedCancel, Optional<String> buyerCancelReason) {
}
