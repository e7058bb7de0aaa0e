package com.deskbridge.spapi;

import static com.deskbridge.spapi.Json.instant;
import static com.deskbridge.spapi.Json.integer;
import static com.deskbridge.spapi.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads Fulfillment Outbound 2020-07-01 responses (fulfillmentOutbound_2020-07-01.json) into MCF records. */
public final class McfParsers {

    private McfParsers() {
    }

    /** The {@code payload} of getFulfillmentOrder. */
    public static McfFulfillmentOrder fulfillmentOrder(JsonNode payload) {
        JsonNode o = payload.path("fulfillmentOrder");
        String id = text(o, "sellerFulfillmentOrderId")
                .orElseThrow(() -> new IllegalArgumentException("fulfillment order lacks sellerFulfillmentOrderId"));
        List<McfFulfillmentOrder.Item> items = new ArrayList<>();
        for (JsonNode i : payload.path("fulfillmentOrderItems")) {
            items.add(new McfFulfillmentOrder.Item(text(i, "sellerSku"), text(i, "sellerFulfillmentOrderItemId"),
                    integer(i, "quantity", 0), integer(i, "cancelledQuantity", 0), integer(i, "unfulfillableQuantity", 0),
                    instant(i, "estimatedArrivalDate")));
        }
        List<McfFulfillmentOrder.Shipment> shipments = new ArrayList<>();
        for (JsonNode s : payload.path("fulfillmentShipments")) {
            List<McfFulfillmentOrder.Package> packages = new ArrayList<>();
            for (JsonNode p : s.path("fulfillmentShipmentPackage")) {
                packages.add(new McfFulfillmentOrder.Package(integer(p, "packageNumber", 0), text(p, "carrierCode"),
                        text(p, "trackingNumber"), instant(p, "estimatedArrivalDate")));
            }
            shipments.add(new McfFulfillmentOrder.Shipment(Json.textOr(s, "amazonShipmentId", ""), text(s, "fulfillmentCenterId"),
                    Json.textOr(s, "fulfillmentShipmentStatus", "PENDING"), instant(s, "shippingDate"),
                    instant(s, "estimatedArrivalDate"), packages));
        }
        String rawStatus = Json.textOr(o, "fulfillmentOrderStatus", "");
        return new McfFulfillmentOrder(id, text(o, "displayableOrderId"), text(o, "marketplaceId"),
                McfOrderStatus.parse(rawStatus), rawStatus, instant(o, "receivedDate"), instant(o, "statusUpdatedDate"),
                text(o, "shippingSpeedCategory"), items, shipments);
    }

    /** The {@code payload} of getPackageTrackingDetails. */
    public static McfPackageTracking packageTracking(JsonNode payload) {
        List<McfPackageTracking.Event> events = new ArrayList<>();
        for (JsonNode e : payload.path("trackingEvents")) {
            JsonNode a = e.path("eventAddress");
            events.add(new McfPackageTracking.Event(instant(e, "eventDate"), Json.textOr(e, "eventCode", ""),
                    text(e, "eventDescription"), text(a, "city"), text(a, "state"), text(a, "country")));
        }
        return new McfPackageTracking(integer(payload, "packageNumber", 0), text(payload, "trackingNumber"),
                text(payload, "carrierCode"), text(payload, "customerTrackingLink").map(McfParsers::decodeLink),
                text(payload, "currentStatus"), text(payload, "currentStatusDescription"), instant(payload, "shipDate"),
                instant(payload, "estimatedArrivalDate"), text(payload, "signedForBy"), events);
    }

    /** Amazon's own example sends the link percent-encoded ({@code https%3A%2F%2F...}); hand out a usable URL. */
    static String decodeLink(String link) {
        String l = link.trim();
        if (l.regionMatches(true, 0, "https%3A", 0, 8) || l.regionMatches(true, 0, "http%3A", 0, 7)) {
            l = URLDecoder.decode(l, StandardCharsets.UTF_8).trim();
        }
        return l;
    }

}
