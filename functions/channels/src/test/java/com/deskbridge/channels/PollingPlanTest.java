package com.deskbridge.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollingPlanTest {

    private final PollingPlan plan = new PollingPlan(5_000, 0.6, Duration.ofMinutes(2), Duration.ofMinutes(30));

    @Test
    void oneSellerIsPolledAsOftenAsTheMinimumAllows() {
        // 3,000 calls a day for one seller at ~1.5 calls a poll = 2,000 polls a day = every 43 s -> clamped to 2 min
        assertThat(plan.interval(1, 1.5)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void manySellersShareTheApplicationsDailyLimit() {
        // 3,000 calls / 40 sellers = 75 calls each; at 1.5 calls a poll 50 polls a day = every 28.8 minutes
        Duration d = plan.interval(40, 1.5);
        assertThat(d).isEqualTo(Duration.ofMillis(1_728_000));
        assertThat(plan.fits(40, 1.5)).isTrue();
        // every seller polled this often stays within the limit
        double callsPerDay = 40 * (Duration.ofDays(1).toMillis() / (double) d.toMillis()) * 1.5;
        assertThat(callsPerDay).isLessThanOrEqualTo(5_000 * 0.6);
    }

    @Test
    void tooManySellersAreCappedAtTheMaximumAndReportedAsNotFitting() {
        assertThat(plan.interval(200, 2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(plan.fits(200, 2)).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new PollingPlan(0, 0.5, Duration.ZERO, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollingPlan(10, 1.5, Duration.ZERO, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollingPlan(10, 0.5, Duration.ofMinutes(2), Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
