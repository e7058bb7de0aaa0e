package com.deskbridge.sim.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Amazon's answers of the Solicitations API v1 (model solicitations.json): an order may be sent Amazon's review and
 * seller-feedback request from 5 to 30 days after its delivery, once. The delivery time is the latest package's
 * {@code deliveryTime} in the fixture, else the order's {@code latestDeliveryDate}; orders that did not ship are never
 * eligible. Refusals are 403 {@code Unauthorized} with Amazon's messages
 * (https://github.com/amzn/selling-partner-api-models/issues/19,
 * https://github.com/amzn/selling-partner-api-docs/issues/121).
 */
final class Solicitations {
    static final String ACTION = "productReviewAndSellerFeedback";
    static final Duration EARLIEST = Duration.ofDays(5);
    static final Duration LATEST = Duration.ofDays(30);
    static final String ASKED = "The requested solicitation is not available for this amazonOrderId.";
    static final String OUTSIDE = "You can\u2019t use this feature to request a review outside the 5-30 day range after the order delivery date.";

    private final Set<String> requested = new HashSet<>();

    /** Why the review request is not available for the order now; empty when it is. */
    Optional<String> refusal(ObjectNode order, Instant now) {
        if (requested.contains(order.path("orderId").asText())) {
            return Optional.of(ASKED);
        }
        String status = order.path("status").asText();
        if (!status.equals("SHIPPED") && !status.equals("DELIVERED")) {
            return Optional.of(ASKED);
        }
        Instant delivered = delivery(order);
        if (delivered == null || now.isBefore(delivered.plus(EARLIEST)) || now.isAfter(delivered.plus(LATEST))) {
            return Optional.of(OUTSIDE);
        }
        return Optional.empty();
    }

    void record(String orderId) {
        requested.add(orderId);
    }

    /** getSolicitationActionsForOrder's body: the review action listed only while it is available. */
    static ObjectNode actions(String orderId, String marketplaceId, boolean available) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode body = f.objectNode();
        ObjectNode links = body.putObject("_links");
        links.putObject("self").put("href", "/solicitations/v1/orders/" + orderId + "?marketplaceIds=" + marketplaceId);
        var actions = links.putArray("actions");
        var embedded = body.putObject("_embedded").putArray("actions");
        if (available) {
            actions.addObject().put("href", "/solicitations/v1/orders/" + orderId + "/solicitations/" + ACTION
                    + "?marketplaceIds=" + marketplaceId).put("name", ACTION);
            embedded.addObject().putObject("_links").putObject("schema").put("href",
                    "/solicitations/v1/orders/" + orderId + "/solicitations/" + ACTION + "/schema").put("name", ACTION);
        }
        return body;
    }

    private static Instant delivery(JsonNode order) {
        Instant latest = null;
        for (JsonNode p : order.path("packages")) {
            if (p.hasNonNull("deliveryTime")) {
                Instant at = Instant.parse(p.get("deliveryTime").asText());
                latest = latest == null || at.isAfter(latest) ? at : latest;
            }
        }
        if (latest == null && order.hasNonNull("latestDeliveryDate")) {
            latest = Instant.parse(order.get("latestDeliveryDate").asText());
        }
        return latest;
    }
}
