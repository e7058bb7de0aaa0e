package com.deskbridge.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarrierBudgetsTest {

    private final CarrierBudgets budgets = CarrierBudgets.documented();

    @Test
    void documentedFigures() {
        CarrierBudgets.Budget dhl = budgets.of(TrackingUpstream.DHL);
        assertThat(dhl.limits()).containsExactly(new CarrierBudgets.RateLimit(1, Duration.ofSeconds(1)),
                new CarrierBudgets.RateLimit(250, Duration.ofDays(1)));
        assertThat(dhl.perShipmentPerDay()).isEqualTo(10);
        assertThat(dhl.dailyCapacity()).isEqualTo(250);
        assertThat(budgets.of(TrackingUpstream.USPS).limits()).containsExactly(new CarrierBudgets.RateLimit(60, Duration.ofHours(1)));
        assertThat(budgets.of(TrackingUpstream.USPS).confirmed()).isFalse();
        assertThat(budgets.of(TrackingUpstream.USPS).dailyCapacity()).isEqualTo(1440);
        assertThat(budgets.of(TrackingUpstream.FEDEX).limits()).containsExactly(new CarrierBudgets.RateLimit(1400, Duration.ofSeconds(10)));
        assertThat(budgets.of(TrackingUpstream.UPS).confirmed()).isFalse();
        assertThat(budgets.of(Carrier.GLS)).isSameAs(budgets.of(TrackingUpstream.AGGREGATOR));
        for (TrackingUpstream u : TrackingUpstream.values()) {
            assertThat(budgets.of(u)).as(u.name()).isNotNull();
        }
    }

    @Test
    void rateVersusBudgetAndOverrides() {
        assertThat(new CarrierBudgets.RateLimit(1400, Duration.ofSeconds(10)).rate()).isTrue();
        assertThat(new CarrierBudgets.RateLimit(60, Duration.ofHours(1)).rate()).isFalse();
        CarrierBudgets small = budgets.with(new CarrierBudgets.Budget(TrackingUpstream.DHL,
                List.of(new CarrierBudgets.RateLimit(5, Duration.ofDays(1))), 10, true, "test"));
        assertThat(small.of(TrackingUpstream.DHL).dailyCapacity()).isEqualTo(5);
        assertThat(budgets.of(TrackingUpstream.DHL).dailyCapacity()).isEqualTo(250);
        assertThatThrownBy(() -> new CarrierBudgets.RateLimit(0, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
