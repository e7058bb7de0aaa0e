package com.deskbridge.actions;

/**
 * What an action does and therefore how it is executed: refunds and FBM cancellations as one message of an XML
 * feed (domain-reference §1.4, §1.5), MCF cancellations by Fulfillment Outbound cancelFulfillmentOrder.
 */
public enum ActionType {
    REFUND,
    CANCELLATION,
    MCF_CANCELLATION;

    public boolean viaFeed() {
        return this != MCF_CANCELLATION;
    }
}
