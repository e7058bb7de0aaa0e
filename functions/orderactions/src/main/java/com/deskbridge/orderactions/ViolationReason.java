package com.deskbridge.orderactions;

/**
 * Why an order action was refused, with a stable slug for problem+json {@code type} and the HTTP status the
 * API should answer with. 404 for another seller's order (its existence is not confirmed), 409 when the
 * order's state forbids the action, 422 for wrong input.
 */
public enum ViolationReason {
    FOREIGN_ORDER("order-not-found", 404),
    ORDER_MISMATCH("order-mismatch", 422),
    REQUIRED("required", 422),
    /** A value of the wrong JSON type or outside its grammar (a number where a decimal string is documented, ...). */
    INVALID_VALUE("invalid-value", 422),
    UNKNOWN_ITEM("unknown-item", 422),
    DUPLICATE_LINE("duplicate-line", 422),
    DUPLICATE_COMPONENT("duplicate-component", 422),
    LINES_WITH_FULL_REFUND("lines-with-full-refund", 422),
    INVALID_QUANTITY("invalid-quantity", 422),
    QUANTITY_ABOVE_ORDERED("quantity-above-ordered", 422),
    NOT_POSITIVE("amount-not-positive", 422),
    TOO_MANY_DECIMALS("too-many-decimals", 422),
    CURRENCY_MISMATCH("currency-mismatch", 422),
    NOT_PAID("component-not-paid", 422),
    ALREADY_REFUNDED("already-refunded", 422),
    ABOVE_REFUNDABLE("amount-above-refundable", 422),
    RESTOCKING_FEE_REASON("restocking-fee-reason", 422),
    RESTOCKING_FEE_TOO_HIGH("restocking-fee-too-high", 422),
    NOTHING_TO_REFUND("nothing-to-refund", 409),
    REFUND_NOT_SUPPORTED("refund-not-supported", 409),
    ORDER_CANCELLED("order-cancelled", 409),
    ORDER_SHIPPED("order-shipped", 409),
    ORDER_NOT_CANCELLABLE("order-not-cancellable", 409),
    FBA_CANCELLATION_NOT_POSSIBLE("fba-cancellation-not-possible", 409);

    private final String slug;
    private final int status;

    ViolationReason(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }
}
