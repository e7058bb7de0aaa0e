package com.deskbridge.shopify;

import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.logistics.OrderSource;
import com.deskbridge.logistics.OrderStatus;
import com.deskbridge.logistics.OrderSummary;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link OrderSource} over the Admin GraphQL API. A Shopify order is named by its order name ({@code #1001}, or with the
 * store's prefix), by its number ({@code 1001}) or by its global id; the summary carries the lines and every
 * fulfilment's carrier and tracking number, so the carrier adapters track the parcels as FBM parcels. Shopify gives no
 * delivery promise for an order, so none is set. Upstream failures propagate as {@code UpstreamException}s.
 */
public final class ShopifyOrderSource implements OrderSource {

    private final ShopifyClient shopify;
    private final ShopifyShops shops;

    public ShopifyOrderSource(ShopifyClient shopify, ShopifyShops shops) {
        this.shopify = Objects.requireNonNull(shopify);
        this.shops = Objects.requireNonNull(shops);
    }

    @Override
    public Optional<OrderSummary> order(String sellerId, String orderId) {
        ShopifyShop shop = shops.shop(sellerId);
        return find(shopify, shop, orderId).map(o -> summary(shop, o));
    }

    /** The order by global id, name, or number (tried with {@code #} and the store's prefixes). */
    static Optional<ShopifyOrder> find(ShopifyClient shopify, ShopifyShop shop, String orderId) {
        String id = orderId.trim();
        if (id.startsWith("gid://shopify/Order/")) {
            return shopify.orders().byId(shop, id);
        }
        if (id.chars().allMatch(Character::isDigit)) {
            Optional<ShopifyOrder> o = shopify.orders().byName(shop, "#" + id);
            for (String prefix : shop.orderPrefixes()) {
                o = o.or(() -> shopify.orders().byName(shop, prefix + id));
            }
            return o;
        }
        return shopify.orders().byName(shop, id);
    }

    static OrderStatus status(ShopifyOrder o) {
        if (o.cancelled()) {
            return OrderStatus.CANCELLED;
        }
        if ("PENDING".equals(o.financialStatus())) {
            return OrderStatus.PENDING;
        }
        return switch (o.fulfillmentStatus()) {
            case "FULFILLED" -> OrderStatus.SHIPPED;
            case "PARTIALLY_FULFILLED" -> OrderStatus.PARTIALLY_SHIPPED;
            case "UNFULFILLED", "ON_HOLD", "SCHEDULED", "PENDING_FULFILLMENT", "OPEN", "IN_PROGRESS" -> OrderStatus.UNSHIPPED;
            default -> OrderStatus.UNKNOWN;
        };
    }

    static OrderSummary summary(ShopifyShop shop, ShopifyOrder o) {
        return new OrderSummary(o.name(), shop.shopDomain(), status(o), FulfilmentChannel.FBM, o.createdAt(), null, null,
                o.lineItems().stream().map(l -> new OrderSummary.Item(l.sku().orElse(null), l.title(), l.quantity())).toList(),
                o.fulfillments().stream().filter(f -> !"CANCELLED".equals(f.status()))
                        .flatMap(f -> f.tracking().stream().filter(t -> t.number().isPresent())
                                .map(t -> new OrderSummary.ShippedPackage(t.company().orElse(null), t.number().get(),
                                        f.createdAt().orElse(null)))).toList());
    }
}
