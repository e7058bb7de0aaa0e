package com.deskbridge.orderactions;

/**
 * Who fulfils an order, which decides what a seller may do with it (functions/orderactions/README.md, Sources):
 * {@code FBM} (merchant fulfilled, Orders API {@code MFN}), {@code FBA} (Amazon-channel order fulfilled by
 * Amazon, {@code AFN}) and {@code MCF} (an order from another sales channel fulfilled by Amazon through
 * Fulfillment Outbound, keyed by the seller's fulfilment order id).
 */
public enum FulfilmentChannel {
    FBM,
    FBA,
    MCF
}
