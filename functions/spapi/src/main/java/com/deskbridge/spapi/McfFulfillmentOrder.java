package com.deskbridge.spapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Multi-Channel Fulfillment order (Fulfillment Outbound 2020-07-01 {@code getFulfillmentOrder}), keyed by the
 * seller's own fulfillment order id, not an Amazon order id (fulfillmentOutbound_2020-07-01.json). Its shipments' packages
 * carry the package numbers for {@code getPackageTrackingDetails}.
 */
public record McfFulfillmentOrder(String sellerFulfillmentOrderId, Optional<String> displayableOrderId,
                                  Optional<String> marketplaceId, McfOrderStatus status, String rawStatus,
                                  Optional<Instant> receivedDate, Optional<Instant> statusUpdatedDate,
                                  Optional<String> shippingSpeedCategory, List<Item> items, List<Shipment> shipments) {

    public McfFulfillmentOrder {
        items = List.copyOf(items);
        shipments = List.copyOf(shipments);
    }

    public record Item(Optional<String> sellerSku, Optional<String> sellerFulfillmentOrderItemId, int quantity,
                       int cancelledQuantity, int unfulfillableQuantity, Optional<Instant> estimatedArrivalDate) {}

    /** {@code status}: PENDING, SHIPPED, CANCELLED_BY_FULFILLER, CANCELLED_BY_SELLER. */
    public record Shipment(String amazonShipmentId, Optional<String> fulfillmentCenterId, String status,
                           Optional<Instant> shippingDate, Optional<Instant> estimatedArrivalDate, List<Package> packages) {
        public Shipment {
            packages = List.copyOf(packages);
        }
    }

    public record Package(int packageNumber, Optional<String> carrierCode, Optional<String> trackingNumber,
                          Optional<Instant> estimatedArrivalDate) {}

    /** Every package number of every shipment, for tracking look-ups. */
    public List<Integer> packageNumbers() {
        return shipments.stream().flatMap(s -> s.packages().stream()).map(Package::packageNumber).toList();
    }
}
