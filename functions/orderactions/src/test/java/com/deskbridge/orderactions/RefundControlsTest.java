package com.deskbridge.orderactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefundControlsTest {

    @Test
    void withoutThresholdsNoRefundNeedsApproval() {
        assertThat(RefundControls.DEFAULT.needsApproval(Money.of("100000.00", "EUR"))).isFalse();
        assertThat(RefundControls.DEFAULT.dailyCount()).isEqualTo(50);
        assertThat(RefundControls.DEFAULT.dailyAmount("EUR")).isEmpty();
    }

    @Test
    void aRefundAboveItsCurrencysThresholdNeedsApprovalAndOneAtItDoesNot() {
        RefundControls c = new RefundControls(Map.of("EUR", new BigDecimal("50.00")), 0, Map.of(), 10);
        assertThat(c.needsApproval(Money.of("50.00", "EUR"))).isFalse();
        assertThat(c.needsApproval(Money.of("50.01", "EUR"))).isTrue();
    }

    @Test
    void onceAnyThresholdIsSetACurrencyWithoutOneNeedsApproval() {
        RefundControls c = new RefundControls(Map.of("EUR", new BigDecimal("50.00")), 0, Map.of(), 10);
        assertThat(c.needsApproval(Money.of("0.01", "GBP"))).isTrue();
    }

    @Test
    void amountCapsArePerCurrency() {
        RefundControls c = new RefundControls(Map.of(), 3, Map.of("USD", new BigDecimal("200")), 10);
        assertThat(c.dailyAmount("USD")).contains(new BigDecimal("200"));
        assertThat(c.dailyAmount("EUR")).isEmpty();
    }

    @Test
    void negativeAmountsAndAZeroAlertAreRefused() {
        assertThatThrownBy(() -> new RefundControls(Map.of("EUR", new BigDecimal("-1")), 0, Map.of(), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefundControls(Map.of(), 0, Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
