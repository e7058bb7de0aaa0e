package com.deskbridge.orderactions;

import java.util.List;
import java.util.Objects;

/**
 * Cancel a whole unshipped FBM order: one {@code OrderAcknowledgement} message with
 * {@code StatusCode=Failure} and every item listed with the cancel reason (https://developer-docs.amazon.com/sp-api/docs/order-feed-type-values).
 */
public record OrderCancellationCommand(String sellerId, String marketplaceId, String orderId, CancelReason reason,
                                       List<String> orderItemIds) implements CancellationCommand, FeedAction {

    public OrderCancellationCommand {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(marketplaceId, "marketplaceId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
        orderItemIds = List.copyOf(orderItemIds);
    }

    @Override
    public FeedType feedType() {
        return FeedType.POST_ORDER_ACKNOWLEDGEMENT_DATA;
    }
}
