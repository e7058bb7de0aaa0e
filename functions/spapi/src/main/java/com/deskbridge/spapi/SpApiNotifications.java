package com.deskbridge.spapi;

import static com.deskbridge.spapi.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parses SQS message bodies carrying SP-API notifications (schemas in reference/sp-api/notifications). */
public final class SpApiNotifications {

    private SpApiNotifications() {
    }

    /**
     * @throws IllegalArgumentException when the body is not an SP-API notification (no notification type)
     */
    public static SpApiNotification parse(String sqsBody) {
        JsonNode n = Json.parse(sqsBody);
        String type = either(n, "notificationType")
                .orElseThrow(() -> new IllegalArgumentException("not an SP-API notification: no notificationType"));
        JsonNode metadata = node(n, "notificationMetadata");
        Optional<String> id = either(metadata, "notificationId");
        Optional<java.time.Instant> eventTime = either(n, "eventTime").flatMap(Json::toInstant);
        JsonNode payload = node(n, "payload");
        switch (type) {
            case "FEED_PROCESSING_FINISHED": {
                JsonNode f = node(payload, "feedProcessingFinishedNotification");
                String status = required(f, "processingStatus", type);
                return new SpApiNotification.FeedProcessingFinished(id, eventTime, either(f, "sellerId"),
                        either(f, "accountId").orElse(""), required(f, "feedId", type), either(f, "feedType").orElse(""),
                        FeedProcessingStatus.valueOf(status.toUpperCase(Locale.ROOT)), either(f, "resultFeedDocumentId"));
            }
            case "ORDER_CHANGE": {
                JsonNode o = node(payload, "orderChangeNotification");
                JsonNode summary = node(o, "summary");
                List<String> cancelItems = new ArrayList<>();
                for (JsonNode item : node(summary, "orderItems")) {
                    if (node(item, "isBuyerRequestedCancel").asBoolean(false)) {
                        either(item, "orderItemId").ifPresent(cancelItems::add);
                    }
                }
                return new SpApiNotification.OrderChange(id, eventTime, either(o, "sellerId"), required(o, "amazonOrderId", type),
                        either(o, "orderChangeType"), either(node(o, "orderChangeTrigger"), "changeReason"),
                        either(summary, "marketplaceId"), OrderStatus.parse(either(summary, "orderStatus").orElse(null)),
                        either(summary, "fulfillmentType"), cancelItems);
            }
            default:
                return new SpApiNotification.Other(type, id, eventTime);
        }
    }

    /** Field in camelCase or PascalCase ({@code notificationType} / {@code NotificationType}). */
    private static Optional<String> either(JsonNode node, String camel) {
        return text(node, camel).or(() -> text(node, pascal(camel)));
    }

    private static JsonNode node(JsonNode parent, String camel) {
        JsonNode v = parent.get(camel);
        if (v == null) {
            v = parent.get(pascal(camel));
        }
        if (v == null && camel.equals("fbaOutboundShipmentStatusNotification")) {
            v = parent.get("FBAOutboundShipmentStatusNotification");
        }
        return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
    }

    private static String required(JsonNode node, String field, String type) {
        return either(node, field).orElseThrow(() -> new IllegalArgumentException(type + " notification lacks " + field));
    }

    private static String pascal(String camel) {
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }
}
