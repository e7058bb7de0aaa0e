package com.deskbridge.orderactions;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live order as the rules need it, read just before an action is validated. The caller maps SP-API
 * data into it (Orders API items: {@code ItemPrice}, {@code ShippingPrice}, {@code ItemTax},
 * {@code ShippingTax}, quantities – ordersV0.json getOrderItems; for MCF, Fulfillment Outbound's
 * {@code fulfillmentOrderStatus}) together with what earlier actions have already refunded, so that this
 * module stays pure and testable.
 *
 * <p>"Already refunded" must include refunds that are queued or in a feed Amazon has not reported on yet, not
 * only confirmed ones; otherwise two refunds sent minutes apart are each checked against the full amount and
 * together pay back too much. {@link #plusRefund(RefundCommand)} folds such a pending refund in.
 *
 * @param sellerId     the selling partner that owns the order
 * @param orderId      the Amazon order id (3-7-7); for {@link FulfilmentChannel#MCF} the seller's fulfilment
 *                     order id, which is what cancelFulfillmentOrder is keyed by (fulfillmentOutbound_2020-07-01.json)
 * @param marketplaceId the marketplace the order was placed in (feeds are submitted per marketplace)
 * @param channel      FBM, FBA or MCF
 * @param orderStatus  Orders API {@code OrderStatus} (Pending, Unshipped, PartiallyShipped, Shipped, Canceled,
 *                     ...) or, for MCF, {@code fulfillmentOrderStatus} (New, Received, Planning, Processing, ...)
 * @param shipped      true once any unit has left the warehouse (ship-confirmed)
 * @param currency     the currency the buyer paid in
 * @param items        the order items
 */
public record OrderSnapshot(String sellerId, String orderId, String marketplaceId, FulfilmentChannel channel,
                            String orderStatus, boolean shipped, String currency, List<Item> items) {

    public OrderSnapshot {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(marketplaceId, "marketplaceId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(orderStatus, "orderStatus");
        Objects.requireNonNull(currency, "currency");
        items = List.copyOf(items);
        for (Item item : items) {
            item.requireCurrency(currency);
        }
    }

    public Optional<Item> item(String orderItemId) {
        return items.stream().filter(i -> i.orderItemId().equals(orderItemId)).findFirst();
    }

    /**
     * This order as it will be once {@code refund} has gone through: its amounts and quantities are added to the
     * items' already-refunded figures. Used to account for refunds that are queued or not yet confirmed.
     */
    public OrderSnapshot plusRefund(RefundCommand refund) {
        if (!refund.orderId().equals(orderId) || !refund.sellerId().equals(sellerId)) {
            throw new IllegalArgumentException("refund is for another order");
        }
        List<Item> updated = items.stream().map(item -> refund.items().stream()
                .filter(a -> a.orderItemId().equals(item.orderItemId()))
                .findFirst().map(item::plus).orElse(item)).toList();
        return new OrderSnapshot(sellerId, orderId, marketplaceId, channel, orderStatus, shipped, currency, updated);
    }

    /** True when any unit of any item has shipped, by flag, status or item quantity. */
    public boolean anythingShipped() {
        return shipped || items.stream().anyMatch(i -> i.quantityShipped() > 0);
    }

    /**
     * One order item with what the buyer paid for it (line totals, not unit prices) and what earlier actions
     * already refunded.
     *
     * @param refunded         already refunded per component (missing = nothing); {@code RESTOCKING_FEE} holds
     *                         fees kept back earlier, as a positive amount
     * @param quantityRefunded units already refunded by earlier actions
     */
    public record Item(String orderItemId, String sku, int quantityOrdered, int quantityShipped,
                       Money principal, Money shipping, Money tax, Money shippingTax,
                       Map<RefundComponent, Money> refunded, int quantityRefunded) {

        public Item {
            Objects.requireNonNull(orderItemId, "orderItemId");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(shipping, "shipping");
            Objects.requireNonNull(tax, "tax");
            Objects.requireNonNull(shippingTax, "shippingTax");
            if (quantityOrdered < 0 || quantityShipped < 0 || quantityRefunded < 0) {
                throw new IllegalArgumentException("quantities must not be negative");
            }
            refunded = refunded == null || refunded.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(refunded));
        }

        /** An item nothing has been refunded on yet. */
        public static Item unrefunded(String orderItemId, String sku, int quantityOrdered, int quantityShipped,
                                      Money principal, Money shipping, Money tax, Money shippingTax) {
            return new Item(orderItemId, sku, quantityOrdered, quantityShipped, principal, shipping, tax, shippingTax, Map.of(), 0);
        }

        /** What the buyer paid for a component; zero for components that are not paid (goodwill, fees). */
        public Money paid(RefundComponent component) {
            return switch (component) {
                case PRINCIPAL -> principal;
                case SHIPPING -> shipping;
                case TAX -> tax;
                case SHIPPING_TAX -> shippingTax;
                case GOODWILL, RESTOCKING_FEE -> Money.zero(principal.currency());
            };
        }

        public Money refunded(RefundComponent component) {
            return refunded.getOrDefault(component, Money.zero(principal.currency()));
        }

        /** Paid minus refunded for a paid component, never below zero. */
        public Money remaining(RefundComponent component) {
            return paid(component).minus(refunded(component)).max(Money.zero(principal.currency()));
        }

        /** Everything the buyer paid for this item. */
        public Money paidTotal() {
            return principal.plus(shipping).plus(tax).plus(shippingTax);
        }

        /** What earlier actions paid back in total: every credit minus the restocking fees kept. */
        public Money netRefunded() {
            Money total = Money.zero(principal.currency());
            for (Map.Entry<RefundComponent, Money> e : refunded.entrySet()) {
                total = e.getKey().deduction() ? total.minus(e.getValue()) : total.plus(e.getValue());
            }
            return total;
        }

        /** The most that can still be paid back on this item, whatever the component. */
        public Money remainingTotal() {
            return paidTotal().minus(netRefunded()).max(Money.zero(principal.currency()));
        }

        Item plus(RefundCommand.AdjustedItem adjustment) {
            Map<RefundComponent, Money> sum = new EnumMap<>(RefundComponent.class);
            sum.putAll(refunded);
            for (RefundCommand.ComponentAdjustment c : adjustment.components()) {
                sum.merge(c.component(), c.amount(), Money::plus);
            }
            int quantity = quantityRefunded + (adjustment.quantity() == null ? 0 : adjustment.quantity());
            return new Item(orderItemId, sku, quantityOrdered, quantityShipped, principal, shipping, tax, shippingTax, sum, quantity);
        }

        /** Units not yet refunded. */
        public int quantityRefundable() {
            return Math.max(0, quantityOrdered - quantityRefunded);
        }

        void requireCurrency(String currency) {
            for (Money m : List.of(principal, shipping, tax, shippingTax)) {
                if (!m.currency().equals(currency)) {
                    throw new IllegalArgumentException("item " + orderItemId + " is in " + m.currency() + ", order in " + currency);
                }
            }
            for (Money m : refunded.values()) {
                if (!m.currency().equals(currency)) {
                    throw new IllegalArgumentException("refund on item " + orderItemId + " is in " + m.currency() + ", order in " + currency);
                }
            }
        }
    }
}
