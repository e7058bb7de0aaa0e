package com.deskbridge.actions;

/**
 * What an action does and therefore how it is executed: refunds and FBM cancellations as one message of an XML
 * feed (https://developer-docs.amazon.com/sp-api/docs/order-feed-type-values), MCF cancellations by Fulfillment Outbound cancelFulfillmentOrder.
 */
public enum ActionType {
    REFUND,
    CANCELLATION,
    MCF_CANCELLATION;

    public boolean viaFeed() {
        return this != MCF_CANCELLATION;
    }
}
