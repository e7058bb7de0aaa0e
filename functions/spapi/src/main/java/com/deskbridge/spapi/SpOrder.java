package com.deskbridge.spapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An Amazon order as the helpdesk needs it, the same shape whichever Orders API version it was read from
 * ({@link #source()}): status, fulfilment channel (where tracking comes from), promises (ship-by, deliver-by),
 * items, FBM packages with carrier and tracking number, and the order total.
 *
 * @param packages only from v2026 ({@code includedData=PACKAGES}, FBM orders); v0 has no packages
 * @param buyer    only from v2026 with {@code includedData=BUYER}; personal data, see {@link BuyerContact}
 */
public record SpOrder(String orderId, String marketplaceId, OrderStatus status, FulfillmentChannel fulfillmentChannel,
                      Instant purchaseDate, Optional<Instant> lastUpdated, Optional<Instant> latestShipDate,
                      Optional<Instant> earliestDeliveryDate, Optional<Instant> latestDeliveryDate,
                      Optional<String> serviceLevel, boolean prime, Optional<Money> orderTotal, List<SpOrderItem> items,
                      List<SpPackage> packages, Optional<BuyerContact> buyer, Optional<ShipTo> shipTo, Source source) {

    /** Which Orders API answered. */
    public enum Source { ORDERS_V2026, ORDERS_V0 }

    public SpOrder {
        items = List.copyOf(items);
        packages = List.copyOf(packages);
    }

    /** The order's currency: of the total, else of the first priced item. */
    public Optional<String> currency() {
        return orderTotal.map(Money::currency)
                .or(() -> items.stream().flatMap(i -> i.unitPrice().stream()).map(Money::currency).findFirst());
    }

    /** The same order with other items (v0 reads them with a second call). */
    SpOrder withItems(List<SpOrderItem> newItems) {
        return new SpOrder(orderId, marketplaceId, status, fulfillmentChannel, purchaseDate, lastUpdated, latestShipDate,
                earliestDeliveryDate, latestDeliveryDate, serviceLevel, prime, orderTotal, newItems, packages, buyer, shipTo, source);
    }
}
