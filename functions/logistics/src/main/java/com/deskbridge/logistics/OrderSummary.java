package com.deskbridge.logistics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The order facts an agent needs next to a buyer message, filled from SP-API (Orders v2026 getOrder with
 * PACKAGES, or MCF getFulfillmentOrder). No buyer PII: no name, address or e-mail. {@code latestShipDate} and
 * {@code latestDeliveryDate} (the promised delivery) may be null: Amazon gives them for seller-fulfilled orders only.
 */
public record OrderSummary(String orderId, String marketplaceId, OrderStatus status, FulfilmentChannel channel,
                           Instant purchaseDate, Instant latestShipDate, Instant latestDeliveryDate,
                           List<Item> items, List<ShippedPackage> packages) {

    public OrderSummary {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        items = items == null ? List.of() : List.copyOf(items);
        packages = packages == null ? List.of() : List.copyOf(packages);
    }

    /** The delivery date Amazon promised the buyer (LatestDeliveryDate / deliverByWindow.latestDateTime). */
    public Optional<Instant> promisedDelivery() {
        return Optional.ofNullable(latestDeliveryDate);
    }

    /** One ordered line. */
    public record Item(String sku, String title, int quantity) {
        public Item {
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must not be negative");
            }
        }
    }

    /** One shipped parcel as the marketplace reports it; {@code carrierName} is the marketplace's spelling. */
    public record ShippedPackage(String carrierName, String trackingNumber, Instant shipDate) {
        public Carrier carrier() {
            return Carrier.fromName(carrierName);
        }
    }
}
