package com.deskbridge.orderactions;

/**
 * A validated cancellation: FBM orders are cancelled by an order acknowledgement feed
 * ({@link OrderCancellationCommand}), MCF orders by Fulfillment Outbound cancelFulfillmentOrder
 * ({@link McfCancellationCommand}); the caller dispatches on the type.
 */
public sealed interface CancellationCommand permits OrderCancellationCommand, McfCancellationCommand {

    String sellerId();

    String marketplaceId();
}
