package com.deskbridge.spapi;

/**
 * Who fulfils an order (product.md §2; functions/spapi/README.md, Sources): this decides where tracking comes from.
 * FBA: Amazon ships an Amazon-channel order (no tracking in the Orders API). FBM: the seller ships
 * (tracking numbers in v2026 {@code packages}, status from the carrier). MCF: Amazon ships an order sold
 * on another channel (Fulfillment Outbound).
 */
public enum FulfillmentChannel {
    FBA, FBM, MCF, UNKNOWN;

    /** v2026: {@code fulfillment.fulfilledBy} AMAZON|MERCHANT with {@code salesChannel.channelName} AMAZON|NON_AMAZON. */
    static FulfillmentChannel fromV2026(String fulfilledBy, String channelName) {
        if ("MERCHANT".equalsIgnoreCase(fulfilledBy)) {
            return FBM;
        }
        if ("AMAZON".equalsIgnoreCase(fulfilledBy)) {
            return "NON_AMAZON".equalsIgnoreCase(channelName) ? MCF : FBA;
        }
        return UNKNOWN;
    }

    /** v0: {@code FulfillmentChannel} AFN|MFN with {@code SalesChannel} ("Amazon.de", "Non-Amazon", ...). */
    static FulfillmentChannel fromV0(String fulfillmentChannel, String salesChannel) {
        if ("MFN".equalsIgnoreCase(fulfillmentChannel)) {
            return FBM;
        }
        if ("AFN".equalsIgnoreCase(fulfillmentChannel)) {
            return salesChannel != null && salesChannel.toLowerCase().startsWith("non-amazon") ? MCF : FBA;
        }
        return UNKNOWN;
    }
}
