package com.deskbridge.orderactions;

import com.deskbridge.orderactions.RefundCommand.AdjustedItem;
import com.deskbridge.orderactions.RefundCommand.ComponentAdjustment;
import com.deskbridge.orderactions.RefundRequest.ComponentAmount;
import com.deskbridge.orderactions.RefundRequest.Line;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The refund rules of {@link OrderActionPolicy}; see there for the list. */
final class RefundRules {

    /** Amazon's maximum restocking fee: 20% of the item price (Seller Central returns policy). */
    static final int MAX_RESTOCKING_FEE_PERCENT = 20;

    private static final List<RefundComponent> PAID =
            List.of(RefundComponent.PRINCIPAL, RefundComponent.SHIPPING, RefundComponent.TAX, RefundComponent.SHIPPING_TAX);

    private RefundRules() {
    }

    static Validation<RefundCommand> validate(OrderSnapshot order, RefundRequest request, String sellerId) {
        List<Violation> violations = new ArrayList<>();
        if (!Rules.ownedBy(order, sellerId, request.orderId(), violations)) {
            return new Validation.Invalid<>(violations);
        }
        Rules.sameOrder(order, request.orderId(), violations);
        if (request.reason() == null) {
            violations.add(new Violation("reason", ViolationReason.REQUIRED,
                    "An adjustment reason is required (one of Amazon's AdjustmentReason values, e.g. CustomerReturn)."));
        }
        if (order.channel() == FulfilmentChannel.MCF) {
            violations.add(new Violation("orderId", ViolationReason.REFUND_NOT_SUPPORTED,
                    "This is a multi-channel fulfilment order: the buyer paid on the other sales channel, so refund them there."
                            + " Amazon's order adjustment feed only refunds orders placed on Amazon."));
            return new Validation.Invalid<>(violations);
        }
        String status = OrderStatus.normalize(order.orderStatus());
        if (status.equals("CANCELLED")) {
            violations.add(new Violation("orderId", ViolationReason.ORDER_CANCELLED,
                    "Order " + order.orderId() + " is cancelled; the buyer was not charged, so there is nothing to refund."));
            return new Validation.Invalid<>(violations);
        }
        if (OrderStatus.NOT_CHARGED.contains(status)) {
            violations.add(new Violation("orderId", ViolationReason.NOTHING_TO_REFUND,
                    "Order " + order.orderId() + " is " + order.orderStatus() + ": Amazon has not charged the buyer yet, so there is nothing to refund."));
            return new Validation.Invalid<>(violations);
        }
        List<AdjustedItem> items = request.full() ? full(order, request, violations) : partial(order, request, violations);
        if (!violations.isEmpty()) {
            return new Validation.Invalid<>(violations);
        }
        return new Validation.Valid<>(new RefundCommand(order.sellerId(), order.marketplaceId(), order.orderId(),
                order.currency(), request.reason(), items));
    }

    /** Every item's remaining paid components; capped by the item's remaining total (earlier goodwill counts). */
    private static List<AdjustedItem> full(OrderSnapshot order, RefundRequest request, List<Violation> violations) {
        if (!request.lines().isEmpty()) {
            violations.add(new Violation("lines", ViolationReason.LINES_WITH_FULL_REFUND,
                    "A full refund covers every item; leave lines empty or ask for a partial refund."));
            return List.of();
        }
        List<AdjustedItem> items = new ArrayList<>();
        for (OrderSnapshot.Item item : order.items()) {
            Money excess = PAID.stream().map(item::remaining).reduce(Money.zero(order.currency()), Money::plus)
                    .minus(item.remainingTotal());
            List<ComponentAdjustment> components = new ArrayList<>();
            for (RefundComponent c : PAID) {
                Money amount = item.remaining(c);
                if (excess.isPositive()) {
                    Money cut = excess.min(amount);
                    amount = amount.minus(cut);
                    excess = excess.minus(cut);
                }
                if (amount.isPositive()) {
                    components.add(new ComponentAdjustment(c, amount));
                }
            }
            if (!components.isEmpty()) {
                int quantity = item.quantityRefundable();
                items.add(new AdjustedItem(item.orderItemId(), quantity > 0 ? quantity : null, components));
            }
        }
        if (items.isEmpty()) {
            violations.add(new Violation("orderId", ViolationReason.NOTHING_TO_REFUND,
                    "Everything paid on order " + order.orderId() + " has already been refunded."));
        }
        return items;
    }

    private static List<AdjustedItem> partial(OrderSnapshot order, RefundRequest request, List<Violation> violations) {
        if (request.lines().isEmpty()) {
            violations.add(new Violation("lines", ViolationReason.REQUIRED,
                    "A partial refund needs at least one line (order item, quantity, amounts)."));
            return List.of();
        }
        List<AdjustedItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            Line line = request.lines().get(i);
            String path = "lines[" + i + "]";
            if (line.orderItemId() == null || line.orderItemId().isBlank()) {
                violations.add(new Violation(path + ".orderItemId", ViolationReason.REQUIRED, "The order item id is required."));
                continue;
            }
            if (!seen.add(line.orderItemId())) {
                violations.add(new Violation(path + ".orderItemId", ViolationReason.DUPLICATE_LINE,
                        "Item " + line.orderItemId() + " appears in more than one line; put all its amounts in one line."));
                continue;
            }
            OrderSnapshot.Item item = order.item(line.orderItemId()).orElse(null);
            if (item == null) {
                violations.add(new Violation(path + ".orderItemId", ViolationReason.UNKNOWN_ITEM,
                        "Order " + order.orderId() + " has no item " + line.orderItemId() + "."));
                continue;
            }
            int before = violations.size();
            quantity(item, line.quantity(), path, violations);
            List<ComponentAdjustment> components = components(order, request.reason(), item, line, path, violations);
            if (violations.size() == before) {
                lineTotals(item, components, path, violations);
            }
            if (violations.size() == before) {
                items.add(new AdjustedItem(item.orderItemId(), line.quantity(), components));
            }
        }
        return items;
    }

    private static void quantity(OrderSnapshot.Item item, Integer quantity, String path, List<Violation> violations) {
        if (quantity == null) {
            return;
        }
        if (quantity < 1) {
            violations.add(new Violation(path + ".quantity", ViolationReason.INVALID_QUANTITY,
                    "The quantity must be at least 1 (leave it out for an amount-only adjustment)."));
        } else if (quantity > item.quantityRefundable()) {
            violations.add(new Violation(path + ".quantity", ViolationReason.QUANTITY_ABOVE_ORDERED,
                    "Quantity " + quantity + " is more than can be refunded on item " + item.orderItemId() + ": "
                            + item.quantityOrdered() + " ordered, " + item.quantityRefunded() + " already refunded."));
        }
    }

    private static List<ComponentAdjustment> components(OrderSnapshot order, AdjustmentReason reason, OrderSnapshot.Item item,
                                                        Line line, String path, List<Violation> violations) {
        if (line.components().isEmpty()) {
            violations.add(new Violation(path + ".components", ViolationReason.REQUIRED,
                    "At least one amount (principal, shipping, tax, shipping tax, goodwill, restocking fee) is required."));
            return List.of();
        }
        List<ComponentAdjustment> result = new ArrayList<>();
        Set<RefundComponent> seen = EnumSet.noneOf(RefundComponent.class);
        for (int j = 0; j < line.components().size(); j++) {
            ComponentAmount ca = line.components().get(j);
            if (ca == null || ca.component() == null) {
                violations.add(new Violation(path + ".components[" + j + "]", ViolationReason.REQUIRED, "The component type is required."));
                continue;
            }
            String cPath = path + ".components." + ca.component().name();
            if (!seen.add(ca.component())) {
                violations.add(new Violation(cPath, ViolationReason.DUPLICATE_COMPONENT,
                        ca.component().name() + " is given twice for item " + item.orderItemId() + "."));
                continue;
            }
            Money amount = amount(order, ca, cPath, violations);
            if (amount == null) {
                continue;
            }
            if (ca.component().paidComponent() && !withinPaid(item, ca.component(), amount, cPath, violations)) {
                continue;
            }
            if (ca.component() == RefundComponent.RESTOCKING_FEE && reason != null && reason != AdjustmentReason.CustomerReturn) {
                violations.add(new Violation(cPath, ViolationReason.RESTOCKING_FEE_REASON,
                        "A restocking fee may only be charged on a returned item (reason CustomerReturn), not with " + reason.name() + "."));
                continue;
            }
            result.add(new ComponentAdjustment(ca.component(), amount));
        }
        return result;
    }

    /**
     * Currency, sign and precision of one amount; null (with a violation) when unusable. An amount without a currency
     * is in the order's currency (the only one Amazon accepts for it).
     */
    private static Money amount(OrderSnapshot order, ComponentAmount ca, String cPath, List<Violation> violations) {
        if (ca.amount() == null) {
            violations.add(new Violation(cPath, ViolationReason.REQUIRED, "The amount is required."));
            return null;
        }
        String currency = ca.currency() == null ? order.currency() : ca.currency();
        if (!currency.equals(order.currency())) {
            violations.add(new Violation(cPath + ".currency", ViolationReason.CURRENCY_MISMATCH,
                    "The order was paid in " + order.currency() + "; the amount is in " + ca.currency() + "."));
            return null;
        }
        if (ca.amount().signum() <= 0) {
            violations.add(new Violation(cPath, ViolationReason.NOT_POSITIVE,
                    "Amounts must be greater than zero (a restocking fee is entered as the positive amount kept back)."));
            return null;
        }
        if (!Money.hasAtMostTwoDecimals(ca.amount())) {
            violations.add(new Violation(cPath, ViolationReason.TOO_MANY_DECIMALS,
                    ca.amount().toPlainString() + " has more than 2 decimals."));
            return null;
        }
        return new Money(ca.amount(), currency);
    }

    private static boolean withinPaid(OrderSnapshot.Item item, RefundComponent c, Money amount, String cPath, List<Violation> violations) {
        Money paid = item.paid(c);
        Money remaining = item.remaining(c);
        if (!paid.isPositive()) {
            violations.add(new Violation(cPath, ViolationReason.NOT_PAID,
                    "Nothing was paid for " + label(c) + " on item " + item.orderItemId() + "."));
            return false;
        }
        if (!remaining.isPositive()) {
            violations.add(new Violation(cPath, ViolationReason.ALREADY_REFUNDED,
                    "The " + label(c) + " of item " + item.orderItemId() + " (" + paid + ") has already been refunded in full."));
            return false;
        }
        if (amount.isGreaterThan(remaining)) {
            violations.add(new Violation(cPath, ViolationReason.ABOVE_REFUNDABLE,
                    amount + " is more than the " + label(c) + " still refundable on item " + item.orderItemId()
                            + ": " + paid + " paid, " + item.refunded(c) + " already refunded, " + remaining + " left."));
            return false;
        }
        return true;
    }

    /** Restocking-fee cap and the item's overall cap (what covers goodwill). */
    private static void lineTotals(OrderSnapshot.Item item, List<ComponentAdjustment> components, String path, List<Violation> violations) {
        Money zero = Money.zero(item.principal().currency());
        Money credits = zero;
        Money principal = zero;
        Money fee = zero;
        for (ComponentAdjustment c : components) {
            if (c.component().deduction()) {
                fee = fee.plus(c.amount());
            } else {
                credits = credits.plus(c.amount());
            }
            if (c.component() == RefundComponent.PRINCIPAL) {
                principal = c.amount();
            }
        }
        if (fee.isPositive() && fee.isGreaterThan(principal.percent(MAX_RESTOCKING_FEE_PERCENT))) {
            violations.add(new Violation(path + ".components.RESTOCKING_FEE", ViolationReason.RESTOCKING_FEE_TOO_HIGH,
                    "A restocking fee may be at most " + MAX_RESTOCKING_FEE_PERCENT + "% of the principal refunded in the same line ("
                            + principal.percent(MAX_RESTOCKING_FEE_PERCENT) + " here); " + fee + " is too high."));
        }
        if (credits.isGreaterThan(item.remainingTotal())) {
            violations.add(new Violation(path, ViolationReason.ABOVE_REFUNDABLE,
                    "This line pays back " + credits + " but only " + item.remainingTotal() + " of the " + item.paidTotal()
                            + " paid for item " + item.orderItemId() + " is still refundable (goodwill counts against it)."));
        }
    }

    private static String label(RefundComponent c) {
        return c.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
