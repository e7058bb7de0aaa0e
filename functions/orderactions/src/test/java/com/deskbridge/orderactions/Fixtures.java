package com.deskbridge.orderactions;

import java.util.List;
import java.util.Map;

/** Orders used across the tests: an FBM order in EUR on amazon.de with two items. */
public final class Fixtures {

    public static final String SELLER = "A2SELLER1EXAMPLE";
    public static final String OTHER_SELLER = "A9OTHERSELLER";
    public static final String MARKETPLACE_DE = "A1PA6795UKMFR9";
    public static final String ORDER = "028-1234567-7654321";
    public static final String ITEM_A = "12345678901234";
    public static final String ITEM_B = "22345678901234";

    private Fixtures() {
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** 2 × SKU-A: principal 40.00, shipping 5.00, tax 7.60, shipping tax 0.95 (total 53.55). */
    public static OrderSnapshot.Item itemA() {
        return OrderSnapshot.Item.unrefunded(ITEM_A, "SKU-A", 2, 0, eur("40.00"), eur("5.00"), eur("7.60"), eur("0.95"));
    }

    /** 1 × SKU-B: principal 19.99, no shipping, tax 3.80 (total 23.79). */
    public static OrderSnapshot.Item itemB() {
        return OrderSnapshot.Item.unrefunded(ITEM_B, "SKU-B", 1, 0, eur("19.99"), eur("0.00"), eur("3.80"), eur("0.00"));
    }

    public static OrderSnapshot.Item refunded(OrderSnapshot.Item item, Map<RefundComponent, Money> refunded, int quantityRefunded) {
        return new OrderSnapshot.Item(item.orderItemId(), item.sku(), item.quantityOrdered(), item.quantityShipped(),
                item.principal(), item.shipping(), item.tax(), item.shippingTax(), refunded, quantityRefunded);
    }

    public static OrderSnapshot fbm(String status, boolean shipped, OrderSnapshot.Item... items) {
        return new OrderSnapshot(SELLER, ORDER, MARKETPLACE_DE, FulfilmentChannel.FBM, status, shipped, "EUR", List.of(items));
    }

    public static OrderSnapshot shippedFbm() {
        return fbm("Shipped", true, itemA(), itemB());
    }

    public static OrderSnapshot unshippedFbm() {
        return fbm("Unshipped", false, itemA(), itemB());
    }

    public static OrderSnapshot withChannel(OrderSnapshot o, FulfilmentChannel channel, String status, boolean shipped) {
        return new OrderSnapshot(o.sellerId(), o.orderId(), o.marketplaceId(), channel, status, shipped, o.currency(), o.items());
    }
}
