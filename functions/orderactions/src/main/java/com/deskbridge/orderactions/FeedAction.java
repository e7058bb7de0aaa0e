package com.deskbridge.orderactions;

/**
 * A validated action that is executed as one message of an Amazon XML feed. Sealed so that the feed
 * renderer handles every kind.
 */
public sealed interface FeedAction permits RefundCommand, OrderCancellationCommand {

    String sellerId();

    String marketplaceId();

    String orderId();

    FeedType feedType();
}
