package com.deskbridge.orderactions;

/**
 * An agent's request to cancel a whole order, as received (unvalidated).
 *
 * @param orderId the Amazon order id, or for MCF the seller fulfilment order id
 * @param reason  Amazon's cancel reason (required for FBM; recorded but not sent for MCF, whose
 *                cancelFulfillmentOrder takes no reason)
 */
public record CancellationRequest(String orderId, CancelReason reason) {
}
