package com.deskbridge.orderactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsTwoDecimalsAndWritesThemPlain() {
        assertThat(Money.of("12.5", "EUR").plain()).isEqualTo("12.50");
        assertThat(Money.of("7", "USD").plain()).isEqualTo("7.00");
        assertThat(Money.of("1.500", "EUR").plain()).isEqualTo("1.50");
        assertThat(Money.of("1E+3", "EUR").plain()).isEqualTo("1000.00");
        assertThat(Money.of("4", "EUR").negate().plain()).isEqualTo("-4.00");
    }

    @Test
    void refusesAThirdSignificantDecimalInsteadOfRounding() {
        assertThatThrownBy(() -> Money.of("0.005", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.hasAtMostTwoDecimals(new BigDecimal("0.010"))).isTrue();
        assertThat(Money.hasAtMostTwoDecimals(new BigDecimal("0.011"))).isFalse();
    }

    @Test
    void arithmeticIsExactAndCurrencySafe() {
        assertThat(Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"))).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(Money.of("40.00", "EUR").percent(20)).isEqualTo(Money.of("8.00", "EUR"));
        assertThat(Money.of("19.99", "EUR").percent(20)).isEqualTo(Money.of("3.99", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "eur")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalAmountsAreEqualWhateverTheInputScale() {
        assertThat(Money.of("3", "EUR")).isEqualTo(Money.of("3.00", "EUR"));
        assertThat(Money.of("3.01", "EUR").isGreaterThan(Money.of("3", "EUR"))).isTrue();
    }
}
