package com.deskbridge.actions;

import com.deskbridge.orderactions.FulfilmentChannel;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderSnapshot;
import com.deskbridge.spapi.McfFulfillmentOrder;
import com.deskbridge.spapi.OrderStatus;
import com.deskbridge.spapi.SellerAccount;
import com.deskbridge.spapi.SpApiClient;
import com.deskbridge.spapi.SpOrder;
import com.deskbridge.spapi.SpOrderItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the live order from SP-API just before validation and maps it to {@link OrderSnapshot}: Amazon order ids
 * (3-7-7) through the Orders API, anything else as an MCF seller fulfilment order through Fulfillment Outbound
 * (orders_2026-01-01.json getOrder, fulfillmentOutbound_2020-07-01.json getFulfillmentOrder). The caller folds in earlier refunds that have not failed
 * ({@link OrderSnapshot#plusRefund}), so in-flight refunds count against what is still refundable.
 *
 * <p>Shipping, item tax and shipping tax come from the order line (v0 ShippingPrice / ItemTax / ShippingTax, v2026
 * proceeds breakdowns); a component the order does not show counts as not paid.
 */
final class LiveOrders {

    private static final Pattern AMAZON_ORDER_ID = Pattern.compile("\\d{3}-\\d{7}-\\d{7}");
    /** ISO 4217 "no currency": MCF orders carry no price. */
    static final String NO_CURRENCY = "XXX";

    private final SpApiClient spApi;
    private final SellerAccounts accounts;

    LiveOrders(SpApiClient spApi, SellerAccounts accounts) {
        this.spApi = spApi;
        this.accounts = accounts;
    }

    /** The live order and where it goes (empty for MCF orders, whose destination is not read). */
    record Loaded(OrderSnapshot snapshot, Optional<com.deskbridge.spapi.ShipTo> shipTo) {
    }

    /** The order as this seller sees it, or empty when Amazon does not know it for this seller. */
    Optional<Loaded> load(String sellerId, String orderId) {
        if (orderId == null || orderId.isBlank()) {
            return Optional.empty();
        }
        SellerAccount account = accounts.account(sellerId);
        if (!AMAZON_ORDER_ID.matcher(orderId).matches()) {
            return spApi.fulfillmentOutbound().getFulfillmentOrder(account, orderId)
                    .map(o -> new Loaded(mcf(sellerId, o), Optional.empty()));
        }
        return spApi.orders().getOrder(account, orderId).flatMap(o -> snapshot(sellerId, o).map(s -> new Loaded(s, o.shipTo())));
    }

    static Optional<OrderSnapshot> snapshot(String sellerId, SpOrder o) {
        FulfilmentChannel channel = switch (o.fulfillmentChannel()) {
            case FBM -> FulfilmentChannel.FBM;
            case FBA -> FulfilmentChannel.FBA;
            case MCF -> FulfilmentChannel.MCF;
            case UNKNOWN -> null;
        };
        Optional<String> currency = o.currency();
        if (channel == null || currency.isEmpty()) {
            throw new IllegalStateException("order " + o.orderId() + " has no fulfilment channel or currency; cannot validate");
        }
        String cur = currency.get();
        List<OrderSnapshot.Item> items = o.items().stream().map(i -> item(i, cur)).toList();
        boolean shipped = o.status() == OrderStatus.SHIPPED || o.status() == OrderStatus.PARTIALLY_SHIPPED;
        return Optional.of(new OrderSnapshot(sellerId, o.orderId(), o.marketplaceId(), channel, o.status().name(), shipped, cur, items));
    }

    private static OrderSnapshot.Item item(SpOrderItem i, String currency) {
        BigDecimal principal = i.itemPrice().map(com.deskbridge.spapi.Money::amount)
                .or(() -> i.unitPrice().map(p -> p.times(i.quantityOrdered()).amount())).orElse(BigDecimal.ZERO);
        return OrderSnapshot.Item.unrefunded(i.orderItemId(), i.sku().orElse(null), i.quantityOrdered(), i.quantityShipped().orElse(0),
                money(principal, currency), paid(i.shippingPrice(), currency), paid(i.itemTax(), currency),
                paid(i.shippingTax(), currency));
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, java.math.RoundingMode.HALF_EVEN), currency);
    }

    private static Money paid(java.util.Optional<com.deskbridge.spapi.Money> amount, String currency) {
        return money(amount.map(com.deskbridge.spapi.Money::amount).orElse(BigDecimal.ZERO), currency);
    }

    private static OrderSnapshot mcf(String sellerId, McfFulfillmentOrder o) {
        return new OrderSnapshot(sellerId, o.sellerFulfillmentOrderId(), o.marketplaceId().orElse(""), FulfilmentChannel.MCF,
                o.rawStatus(), !o.shipments().isEmpty(), NO_CURRENCY, List.of());
    }
}
