package com.deskbridge.logistics;

/**
 * Who ships the order, which decides where tracking comes from (functions/spapi/README.md, Sources): FBM packages carry carrier
 * and tracking number; FBA consumer orders have none in the Orders API; MCF orders are read through Fulfillment
 * Outbound.
 */
public enum FulfilmentChannel {
    /** Fulfilled by Amazon (AFN / fulfilledBy=AMAZON). */
    FBA,
    /** Fulfilled by the merchant (MFN / fulfilledBy=MERCHANT). */
    FBM,
    /** Amazon Multi-Channel Fulfillment of an order from another channel. */
    MCF;

    /** Maps SP-API's v0 {@code FulfillmentChannel} (AFN/MFN) and v2026 {@code fulfilledBy} (AMAZON/MERCHANT). */
    public static FulfilmentChannel fromAmazon(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (v) {
            case "AFN", "AMAZON", "FBA" -> FBA;
            case "MFN", "MERCHANT", "FBM" -> FBM;
            case "MCF" -> MCF;
            default -> throw new IllegalArgumentException("unknown fulfilment channel: " + value);
        };
    }
}
