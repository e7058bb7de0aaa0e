package com.deskbridge.orderactions;

import java.util.Objects;

/**
 * Cancel a multi-channel fulfilment order with Fulfillment Outbound
 * {@code PUT /fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}/cancel} (fulfillmentOutbound_2020-07-01.json,
 * cancelFulfillmentOrder); no feed and no reason code are involved.
 */
public record McfCancellationCommand(String sellerId, String marketplaceId, String sellerFulfillmentOrderId)
        implements CancellationCommand {

    public McfCancellationCommand {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(marketplaceId, "marketplaceId");
        Objects.requireNonNull(sellerFulfillmentOrderId, "sellerFulfillmentOrderId");
    }
}
