package com.deskbridge.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The order facts an agent needs next to a buyer message, filled from SP-API (Orders v2026 getOrder with
 * PACKAGES, or MCF getFulfillmentOrder). No buyer PII: no name, address or e-mail. {@code latestShipDate} and
 * {@code latestDeliveryDate} (the promised delivery) may be null: Amazon gives them for seller-fulfilled orders only.
 * {@code currency} is the order's ISO 4217 code (null when Amazon shows no price, e.g. MCF orders).
 */
public record OrderSummary(String orderId, String marketplaceId, OrderStatus status, FulfilmentChannel channel,
                           Instant purchaseDate, Instant latestShipDate, Instant latestDeliveryDate,
                           List<Item> items, List<ShippedPackage> packages, String currency) {

    public OrderSummary {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        items = items == null ? List.of() : List.copyOf(items);
        packages = packages == null ? List.of() : List.copyOf(packages);
    }

    /** An order whose currency is not known. */
    public OrderSummary(String orderId, String marketplaceId, OrderStatus status, FulfilmentChannel channel,
                        Instant purchaseDate, Instant latestShipDate, Instant latestDeliveryDate, List<Item> items,
                        List<ShippedPackage> packages) {
        this(orderId, marketplaceId, status, channel, purchaseDate, latestShipDate, latestDeliveryDate, items, packages, null);
    }

    /** The delivery date Amazon promised the buyer (LatestDeliveryDate / deliverByWindow.latestDateTime). */
    public Optional<Instant> promisedDelivery() {
        return Optional.ofNullable(latestDeliveryDate);
    }

    /**
     * One ordered line. {@code orderItemId} is Amazon's id of the line (what a partial refund names);
     * {@code itemPrice} the price of all its units in {@code currency} (Orders API ItemPrice), null when not shown.
     */
    public record Item(String orderItemId, String sku, String title, int quantity, BigDecimal itemPrice, String currency) {
        public Item {
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must not be negative");
            }
        }

        /** A line without id or price (MCF orders, tests). */
        public Item(String sku, String title, int quantity) {
            this(null, sku, title, quantity, null, null);
        }
    }

    /** One shipped parcel as the marketplace reports it; {@code carrierName} is the marketplace's spelling. */
    public record ShippedPackage(String carrierName, String trackingNumber, Instant shipDate) {
        public Carrier carrier() {
            return Carrier.fromName(carrierName);
        }
    }
}
