package com.deskbridge.ebay;

/**
 * The eBay operations the client calls. {@code signed}: eBay requires digital signatures on the call for EU/UK sellers
 * (issueRefund, Post-Order create and approve cancellation). The ids match the simulator's operation names.
 */
public enum EbayOperation {
    GET_CONVERSATIONS("message.getConversations", EbayApi.MESSAGE, false),
    GET_CONVERSATION("message.getConversation", EbayApi.MESSAGE, false),
    SEND_MESSAGE("message.sendMessage", EbayApi.MESSAGE, false),
    GET_ORDERS("fulfillment.getOrders", EbayApi.FULFILLMENT, false),
    GET_ORDER("fulfillment.getOrder", EbayApi.FULFILLMENT, false),
    GET_SHIPPING_FULFILLMENTS("fulfillment.getShippingFulfillments", EbayApi.FULFILLMENT, false),
    ISSUE_REFUND("fulfillment.issueRefund", EbayApi.FULFILLMENT, true),
    CHECK_CANCELLATION_ELIGIBILITY("postorder.checkEligibility", EbayApi.POST_ORDER, false),
    CREATE_CANCELLATION("postorder.createCancellation", EbayApi.POST_ORDER, true),
    GET_CANCELLATION("postorder.getCancellation", EbayApi.POST_ORDER, false),
    APPROVE_CANCELLATION("postorder.approveCancellation", EbayApi.POST_ORDER, true),
    GET_USER("identity.getUser", EbayApi.IDENTITY, false);

    private final String id;
    private final EbayApi api;
    private final boolean signed;

    EbayOperation(String id, EbayApi api, boolean signed) {
        this.id = id;
        this.api = api;
        this.signed = signed;
    }

    public String id() {
        return id;
    }

    public EbayApi api() {
        return api;
    }

    public boolean signed() {
        return signed;
    }
}
