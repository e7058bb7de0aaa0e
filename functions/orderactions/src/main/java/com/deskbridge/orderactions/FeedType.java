package com.deskbridge.orderactions;

/**
 * The Feeds API feed types this module produces (https://developer-docs.amazon.com/sp-api/docs/order-feed-type-values), with the envelope
 * {@code MessageType} each one carries. Both are XML, uploaded as {@code text/xml; charset=UTF-8}.
 */
public enum FeedType {
    POST_PAYMENT_ADJUSTMENT_DATA("OrderAdjustment"),
    POST_ORDER_ACKNOWLEDGEMENT_DATA("OrderAcknowledgement");

    /** The content type for createFeedDocument and for the upload to the pre-signed URL (they must match). */
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    private final String messageType;

    FeedType(String messageType) {
        this.messageType = messageType;
    }

    public String messageType() {
        return messageType;
    }
}
