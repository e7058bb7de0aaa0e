package com.deskbridge.spapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An SP-API notification as delivered to our SQS queue (https://developer-docs.amazon.com/sp-api/docs/set-up-notifications-with-amazon-sqs). Amazon writes
 * FEED_PROCESSING_FINISHED in camelCase and ORDER_CHANGE in PascalCase; {@link SpApiNotifications#parse}
 * reads both into these records.
 */
public sealed interface SpApiNotification permits SpApiNotification.FeedProcessingFinished,
        SpApiNotification.OrderChange, SpApiNotification.Other {

    String notificationType();

    Optional<String> notificationId();

    Optional<Instant> eventTime();

    /** A feed reached DONE, CANCELLED or FATAL; DONE names the processing report. */
    record FeedProcessingFinished(Optional<String> notificationId, Optional<Instant> eventTime, Optional<String> sellerId,
                                  String accountId, String feedId, String feedType, FeedProcessingStatus processingStatus,
                                  Optional<String> resultFeedDocumentId) implements SpApiNotification {
        @Override
        public String notificationType() {
            return "FEED_PROCESSING_FINISHED";
        }
    }

    /**
     * An order changed: {@code orderChangeType} BuyerRequestedChange / OrderStatusChange / DeliveryTipChange; items
     * the buyer asked to cancel are listed in {@code buyerRequestedCancelItemIds} (OrderChangeNotification.json, IsBuyerRequestedCancel).
     */
    record OrderChange(Optional<String> notificationId, Optional<Instant> eventTime, Optional<String> sellerId,
                       String amazonOrderId, Optional<String> orderChangeType, Optional<String> changeReason,
                       Optional<String> marketplaceId, OrderStatus orderStatus, Optional<String> fulfillmentType,
                       List<String> buyerRequestedCancelItemIds) implements SpApiNotification {
        public OrderChange {
            buyerRequestedCancelItemIds = List.copyOf(buyerRequestedCancelItemIds);
        }

        @Override
        public String notificationType() {
            return "ORDER_CHANGE";
        }
    }

    /** Any other notification type: recognised as SP-API, not interpreted. */
    record Other(String notificationType, Optional<String> notificationId, Optional<Instant> eventTime) implements SpApiNotification {}
}
