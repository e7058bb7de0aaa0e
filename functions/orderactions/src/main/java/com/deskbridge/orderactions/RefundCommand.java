package com.deskbridge.orderactions;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A refund that passed every rule: one {@code OrderAdjustment} message, one {@code AdjustedItem} per item.
 * All amounts are positive and in the order's currency; {@link ComponentAdjustment#signedAmount()} gives the
 * value written to the feed.
 */
public record RefundCommand(String sellerId, String marketplaceId, String orderId, String currency,
                            AdjustmentReason reason, List<AdjustedItem> items) implements FeedAction {

    public RefundCommand {
        Objects.requireNonNull(sellerId, "sellerId");
        Objects.requireNonNull(marketplaceId, "marketplaceId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(reason, "reason");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a refund needs at least one item");
        }
    }

    @Override
    public FeedType feedType() {
        return FeedType.POST_PAYMENT_ADJUSTMENT_DATA;
    }

    /** The net amount paid back to the buyer by this refund. */
    public Money total() {
        return items.stream().map(AdjustedItem::net).reduce(Money.zero(currency), Money::plus);
    }

    /**
     * One item of the refund; components are kept in a fixed order (principal, shipping, tax, shipping tax,
     * goodwill, restocking fee) so the same refund always produces the same feed.
     *
     * @param quantity units refunded, or null when no quantity is sent
     */
    public record AdjustedItem(String orderItemId, Integer quantity, List<ComponentAdjustment> components) {
        public AdjustedItem {
            Objects.requireNonNull(orderItemId, "orderItemId");
            if (quantity != null && quantity < 1) {
                throw new IllegalArgumentException("quantity must be positive");
            }
            components = components.stream().sorted(Comparator.comparing(ComponentAdjustment::component)).toList();
            if (components.isEmpty()) {
                throw new IllegalArgumentException("an adjusted item needs at least one component");
            }
        }

        /** Credits minus deductions. */
        public Money net() {
            return components.stream().map(ComponentAdjustment::signedAmount).reduce(Money::plus).orElseThrow();
        }
    }

    /** A positive amount for one component. */
    public record ComponentAdjustment(RefundComponent component, Money amount) {
        public ComponentAdjustment {
            Objects.requireNonNull(component, "component");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("amount must be positive: " + amount);
            }
        }

        /** The amount as written to the feed: negative for deductions such as a restocking fee. */
        public Money signedAmount() {
            return component.deduction() ? amount.negate() : amount;
        }
    }
}
