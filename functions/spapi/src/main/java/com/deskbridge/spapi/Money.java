package com.deskbridge.spapi;

import java.math.BigDecimal;
import java.util.Objects;

/** An amount in an ISO 4217 currency, as SP-API reports prices and totals (never a double). */
public record Money(BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }
}
