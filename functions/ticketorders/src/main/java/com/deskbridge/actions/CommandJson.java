package com.deskbridge.actions;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.McfCancellationCommand;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundComponent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated command of an action as JSON on the action item, so that whichever Lambda submits the feed rebuilds
 * exactly the message that was validated (amounts as plain decimal strings, never floating point).
 */
final class CommandJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private CommandJson() {
    }

    static String refund(RefundCommand c) {
        ObjectNode n = base(c.sellerId(), c.marketplaceId(), c.orderId());
        n.put("currency", c.currency()).put("reason", c.reason().name());
        ArrayNode items = n.putArray("items");
        for (RefundCommand.AdjustedItem i : c.items()) {
            ObjectNode item = items.addObject().put("orderItemId", i.orderItemId());
            if (i.quantity() != null) {
                item.put("quantity", i.quantity());
            }
            ArrayNode comps = item.putArray("components");
            i.components().forEach(a -> comps.addObject().put("component", a.component().name()).put("amount", a.amount().plain()));
        }
        return n.toString();
    }

    static String cancellation(OrderCancellationCommand c) {
        ObjectNode n = base(c.sellerId(), c.marketplaceId(), c.orderId());
        n.put("reason", c.reason().name());
        c.orderItemIds().forEach(n.putArray("orderItemIds")::add);
        return n.toString();
    }

    static String mcf(McfCancellationCommand c) {
        return base(c.sellerId(), c.marketplaceId(), c.sellerFulfillmentOrderId()).toString();
    }

    static RefundCommand toRefund(String json) {
        JsonNode n = read(json);
        String currency = n.path("currency").asText();
        List<RefundCommand.AdjustedItem> items = new ArrayList<>();
        for (JsonNode i : n.path("items")) {
            List<RefundCommand.ComponentAdjustment> comps = new ArrayList<>();
            for (JsonNode c : i.path("components")) {
                comps.add(new RefundCommand.ComponentAdjustment(RefundComponent.valueOf(c.path("component").asText()),
                        Money.of(c.path("amount").asText(), currency)));
            }
            items.add(new RefundCommand.AdjustedItem(i.path("orderItemId").asText(),
                    i.hasNonNull("quantity") ? i.path("quantity").asInt() : null, comps));
        }
        return new RefundCommand(n.path("sellerId").asText(), n.path("marketplaceId").asText(), n.path("orderId").asText(),
                currency, AdjustmentReason.valueOf(n.path("reason").asText()), items);
    }

    static OrderCancellationCommand toCancellation(String json) {
        JsonNode n = read(json);
        List<String> ids = new ArrayList<>();
        n.path("orderItemIds").forEach(i -> ids.add(i.asText()));
        return new OrderCancellationCommand(n.path("sellerId").asText(), n.path("marketplaceId").asText(),
                n.path("orderId").asText(), CancelReason.valueOf(n.path("reason").asText()), ids);
    }

    static McfCancellationCommand toMcf(String json) {
        JsonNode n = read(json);
        return new McfCancellationCommand(n.path("sellerId").asText(), n.path("marketplaceId").asText(), n.path("orderId").asText());
    }

    private static ObjectNode base(String seller, String marketplace, String order) {
        return JSON.createObjectNode().put("sellerId", seller).put("marketplaceId", marketplace).put("orderId", order);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored command is not JSON", e);
        }
    }
}
