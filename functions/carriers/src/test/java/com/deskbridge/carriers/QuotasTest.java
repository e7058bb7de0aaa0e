package com.deskbridge.carriers;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.http.Quota;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuotasTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T23:00:00Z"));

    @Test
    void slidingWindowNeverExceedsItsPermitsInAnyWindow() {
        SlidingWindowQuota q = new SlidingWindowQuota(clock, 5, Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(q.take()).isInstanceOf(Quota.Granted.class);
            clock.advance(Duration.ofMinutes(1));
        }
        Quota.Decision denied = q.take();
        assertThat(denied).isEqualTo(new Quota.Denied(Duration.ofMinutes(55)));
        clock.advance(Duration.ofMinutes(55));
        assertThat(q.take()).isInstanceOf(Quota.Granted.class);
        assertThat(q.take()).isInstanceOf(Quota.Denied.class);
    }

    /** Whatever the call pattern, every window of the budget's length holds at most the budget. */
    @Test
    void everyDocumentedBudgetHoldsUnderRandomTraffic() {
        Random random = new Random(3);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            CarrierBudgets.Budget budget = CarrierBudgets.documented().of(u);
            MutableClock c = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
            Quota quota = CarrierQuotas.forBudget(budget, c);
            List<Instant> granted = new java.util.ArrayList<>();
            Duration longest = budget.limits().stream().map(CarrierBudgets.RateLimit::period).max(Duration::compareTo).orElseThrow();
            Instant end = c.instant().plus(longest.multipliedBy(3));
            while (c.instant().isBefore(end) && granted.size() < 20_000) {
                if (quota.take() instanceof Quota.Granted) {
                    granted.add(c.instant());
                }
                long step = longest.toMillis() / Math.max(1, budget.dailyCapacity() / 4) + 1;
                c.advance(Duration.ofMillis(random.nextLong(Math.max(2, step))));
            }
            for (CarrierBudgets.RateLimit limit : budget.limits()) {
                Deque<Instant> window = new ArrayDeque<>();
                for (Instant t : granted) {
                    window.addLast(t);
                    while (!window.peekFirst().isAfter(t.minus(limit.period()))) {
                        window.pollFirst();
                    }
                    assertThat(window.size()).as("%s %s", u, limit).isLessThanOrEqualTo(limit.permits());
                }
            }
            assertThat(granted).as(u.name()).isNotEmpty();
        }
    }

    @Test
    void ratesFirstSoThatADeniedBudgetNeverCostsABudgetPermit() {
        CarrierBudgets.Budget dhl = CarrierBudgets.documented().of(TrackingUpstream.DHL);
        Quota q = CarrierQuotas.forBudget(dhl, clock);
        int granted = 0;
        for (int i = 0; i < 400; i++) {
            if (q.take() instanceof Quota.Granted) {
                granted++;
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(granted).isEqualTo(250);
        Quota.Decision d = q.take();
        assertThat(d).isInstanceOf(Quota.Denied.class);
        assertThat(((Quota.Denied) d).retryAfter()).isGreaterThan(Duration.ofHours(23));
    }

    @Test
    void remainingBudgetForThePlanner() {
        CarrierQuotas.BudgetQuota dhl = CarrierQuotas.forBudget(CarrierBudgets.documented().of(TrackingUpstream.DHL), clock);
        assertThat(dhl.remaining()).isEqualTo(250);
        dhl.take();
        assertThat(dhl.remaining()).isEqualTo(249);
        CarrierQuotas.BudgetQuota fedex = CarrierQuotas.forBudget(CarrierBudgets.documented().of(TrackingUpstream.FEDEX), clock);
        assertThat(fedex.remaining()).isEqualTo(1400);
    }

    @Test
    void settingsFromEnvironment() {
        CarrierSettings s = CarrierSettings.fromEnvironment(Map.of(
                "CARRIER_DHL_BASE_URL", "http://127.0.0.1:9999/dhl/",
                "CARRIER_UPS_SECRET", "prod/ups"));
        assertThat(s.endpoint(TrackingUpstream.DHL).baseUrl().toString()).isEqualTo("http://127.0.0.1:9999/dhl");
        assertThat(s.endpoint(TrackingUpstream.DHL).secretName()).isEqualTo("deskbridge/carriers/dhl");
        assertThat(s.endpoint(TrackingUpstream.UPS).secretName()).isEqualTo("prod/ups");
        assertThat(s.endpoint(TrackingUpstream.UPS).baseUrl().toString()).isEqualTo("https://onlinetools.ups.com");
        assertThat(s.endpoint(TrackingUpstream.FEDEX).baseUrl().toString()).isEqualTo("https://apis.fedex.com");
    }
}
