package com.deskbridge.sim.spapi;

import static com.deskbridge.sim.spapi.OrderRenderer.copy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Renders compact MCF fixture orders (FIXTURE.md) as Fulfillment Outbound 2020-07-01 responses:
 * {@code getFulfillmentOrder} and {@code getPackageTrackingDetails} (fulfillmentOutbound_2020-07-01.json).
 */
final class McfRenderer {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private McfRenderer() {
    }

    static ObjectNode fulfillmentOrder(JsonNode o) {
        ObjectNode payload = F.objectNode();
        ObjectNode order = payload.putObject("fulfillmentOrder");
        order.put("sellerFulfillmentOrderId", o.get("sellerFulfillmentOrderId").asText());
        copy(o, "marketplaceId", order, "marketplaceId");
        order.put("displayableOrderId", o.path("displayableOrderId").asText(o.get("sellerFulfillmentOrderId").asText()));
        copy(o, "displayableOrderDate", order, "displayableOrderDate");
        order.put("displayableOrderComment", o.path("displayableOrderComment").asText("Thank you for your order"));
        order.put("shippingSpeedCategory", o.path("shippingSpeedCategory").asText("Standard"));
        if (o.has("destination")) {
            order.set("destinationAddress", o.get("destination"));
        }
        order.put("fulfillmentAction", "Ship");
        order.put("fulfillmentPolicy", o.path("fulfillmentPolicy").asText("FillOrKill"));
        copy(o, "receivedDate", order, "receivedDate");
        order.put("fulfillmentOrderStatus", o.path("status").asText("Received"));
        copy(o, "statusUpdatedDate", order, "statusUpdatedDate");
        ArrayNode items = payload.putArray("fulfillmentOrderItems");
        for (JsonNode i : o.path("items")) {
            ObjectNode item = items.addObject();
            copy(i, "sellerSku", item, "sellerSku");
            copy(i, "sellerFulfillmentOrderItemId", item, "sellerFulfillmentOrderItemId");
            item.put("quantity", i.path("quantity").asInt(1));
            item.put("cancelledQuantity", "Cancelled".equalsIgnoreCase(o.path("status").asText()) ? i.path("quantity").asInt(1) : 0);
            item.put("unfulfillableQuantity", 0);
        }
        ArrayNode shipments = payload.putArray("fulfillmentShipments");
        for (JsonNode s : o.path("shipments")) {
            ObjectNode shipment = shipments.addObject();
            copy(s, "amazonShipmentId", shipment, "amazonShipmentId");
            shipment.put("fulfillmentCenterId", s.path("fulfillmentCenterId").asText("PHX7"));
            shipment.put("fulfillmentShipmentStatus", s.path("status").asText("SHIPPED"));
            copy(s, "shippingDate", shipment, "shippingDate");
            copy(s, "estimatedArrivalDate", shipment, "estimatedArrivalDate");
            ArrayNode shipmentItems = shipment.putArray("fulfillmentShipmentItem");
            int firstPackage = s.path("packages").path(0).path("packageNumber").asInt(0);
            for (JsonNode i : o.path("items")) {
                ObjectNode item = shipmentItems.addObject();
                copy(i, "sellerSku", item, "sellerSku");
                copy(i, "sellerFulfillmentOrderItemId", item, "sellerFulfillmentOrderItemId");
                item.put("quantity", i.path("quantity").asInt(1));
                item.put("packageNumber", firstPackage);
            }
            ArrayNode packages = shipment.putArray("fulfillmentShipmentPackage");
            for (JsonNode p : s.path("packages")) {
                ObjectNode pkg = packages.addObject();
                pkg.put("packageNumber", p.get("packageNumber").asInt());
                copy(p, "carrierCode", pkg, "carrierCode");
                copy(p, "trackingNumber", pkg, "trackingNumber");
                copy(p, "estimatedArrivalDate", pkg, "estimatedArrivalDate");
            }
        }
        payload.putArray("returnItems");
        payload.putArray("returnAuthorizations");
        ObjectNode response = F.objectNode();
        response.set("payload", payload);
        return response;
    }

    /** The package with this number in any fixture MCF order, rendered as {@code PackageTrackingDetails}. */
    static Optional<ObjectNode> trackingDetails(Iterable<? extends JsonNode> orders, int packageNumber) {
        for (JsonNode o : orders) {
            for (JsonNode s : o.path("shipments")) {
                for (JsonNode p : s.path("packages")) {
                    if (p.path("packageNumber").asInt(-1) == packageNumber) {
                        return Optional.of(tracking(o, s, p));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static ObjectNode tracking(JsonNode order, JsonNode shipment, JsonNode p) {
        ObjectNode t = F.objectNode();
        JsonNode tracking = p.path("tracking");
        t.put("packageNumber", p.get("packageNumber").asInt());
        copy(p, "trackingNumber", t, "trackingNumber");
        String trackingNumber = p.path("trackingNumber").asText("");
        t.put("customerTrackingLink", "https://www.swiship.com/track?id=" + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
        copy(p, "carrierCode", t, "carrierCode");
        copy(shipment, "shippingDate", t, "shipDate");
        copy(p, "estimatedArrivalDate", t, "estimatedArrivalDate");
        JsonNode dest = order.path("destination");
        ObjectNode shipTo = t.putObject("shipToAddress");
        shipTo.put("city", dest.path("city").asText(""));
        shipTo.put("state", dest.path("stateOrRegion").asText(""));
        shipTo.put("country", dest.path("countryCode").asText(""));
        t.put("currentStatus", tracking.path("currentStatus").asText("IN_TRANSIT"));
        copy(tracking, "currentStatusDescription", t, "currentStatusDescription");
        copy(tracking, "signedForBy", t, "signedForBy");
        copy(tracking, "additionalLocationInfo", t, "additionalLocationInfo");
        ArrayNode events = t.putArray("trackingEvents");
        for (JsonNode e : tracking.path("events")) {
            ObjectNode event = events.addObject();
            copy(e, "eventDate", event, "eventDate");
            ObjectNode address = event.putObject("eventAddress");
            address.put("city", e.path("city").asText(""));
            address.put("state", e.path("state").asText(""));
            address.put("country", e.path("country").asText(""));
            copy(e, "eventCode", event, "eventCode");
            copy(e, "eventDescription", event, "eventDescription");
        }
        ObjectNode response = F.objectNode();
        response.set("payload", t);
        return response;
    }
}
