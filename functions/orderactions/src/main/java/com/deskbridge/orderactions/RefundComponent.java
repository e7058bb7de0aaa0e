package com.deskbridge.orderactions;

/**
 * A part of an item's price that a refund adjusts, with the {@code Component/Type} value Amazon's
 * OrderAdjustment schema expects (AdjustmentBuyerPrice: Principal, Shipping, Tax, ShippingTax,
 * RestockingFee, Goodwill, ...; functions/orderactions/README.md).
 *
 * <p>Amounts in a {@link RefundRequest} are always positive. {@link #RESTOCKING_FEE} is a deduction: the
 * agent enters the fee kept back, and the feed writes it negative, because Amazon's adjustment amounts are
 * signed ("positive amounts are refunded to the buyer and negative amounts are charged to the buyer, for
 * example restocking fees" – Seller Central adjustments template help).
 */
public enum RefundComponent {
    PRINCIPAL("Principal", false),
    SHIPPING("Shipping", false),
    TAX("Tax", false),
    SHIPPING_TAX("ShippingTax", false),
    GOODWILL("Goodwill", false),
    RESTOCKING_FEE("RestockingFee", true);

    private final String feedType;
    private final boolean deduction;

    RefundComponent(String feedType, boolean deduction) {
        this.feedType = feedType;
        this.deduction = deduction;
    }

    /** The {@code <Type>} text in the feed. */
    public String feedType() {
        return feedType;
    }

    /** True when the amount is kept from the buyer (written negative) rather than paid back. */
    public boolean deduction() {
        return deduction;
    }

    /** True for the components the buyer paid for and that are capped by what was paid (principal, shipping, taxes). */
    public boolean paidComponent() {
        return this == PRINCIPAL || this == SHIPPING || this == TAX || this == SHIPPING_TAX;
    }
}
