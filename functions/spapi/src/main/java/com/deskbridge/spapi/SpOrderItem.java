package com.deskbridge.spapi;

import java.util.Optional;

/**
 * One order line as the helpdesk shows it and as refunds/cancellations address it ({@code orderItemId} is
 * Amazon's {@code AmazonOrderItemCode} in feeds).
 *
 * @param unitPrice            price of one unit (v2026 {@code product.price.unitPrice}; v0 {@code ItemPrice} ÷ quantity)
 * @param buyerRequestedCancel the buyer asked Amazon to cancel this item (v0 {@code BuyerRequestedCancel}, v2026
 *                             {@code cancellation.cancellationRequest.requester=BUYER}); ordersV0.json, orders_2026-01-01.json
 * @param shippingPrice        what the buyer paid for shipping this line (v0 {@code ShippingPrice}; v2026 the
 *                             {@code SHIPPING} proceeds breakdown): a refund may return it once
 * @param itemTax              tax on the item (v0 {@code ItemTax}; v2026 the {@code TAX} breakdown's ITEM part, or the
 *                             whole TAX breakdown when it is not detailed)
 * @param shippingTax          tax on shipping (v0 {@code ShippingTax}; v2026 the {@code TAX} breakdown's SHIPPING part)
 */
public record SpOrderItem(String orderItemId, Optional<String> sku, Optional<String> asin, Optional<String> title,
                          int quantityOrdered, Optional<Integer> quantityShipped, Optional<Money> unitPrice,
                          Optional<Money> itemPrice, boolean buyerRequestedCancel, Optional<String> buyerCancelReason,
                          Optional<Money> shippingPrice, Optional<Money> itemTax, Optional<Money> shippingTax) {
}
