package com.deskbridge.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RefreshPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final TrackingFreshness freshness = TrackingFreshness.defaults();
    private final RefreshPlanner planner = new RefreshPlanner(freshness, CarrierBudgets.documented());

    private static RefreshPlanner.Candidate c(Carrier carrier, String n, TrackingStatus s, Instant last, int fetches) {
        return new RefreshPlanner.Candidate(carrier, n, s, last, fetches);
    }

    @Test
    void freshnessPerStatus() {
        assertThat(freshness.freshFor(TrackingStatus.DELIVERED)).isEmpty();
        assertThat(freshness.isFresh(TrackingStatus.DELIVERED, NOW.minus(Duration.ofDays(400)), NOW)).isTrue();
        assertThat(freshness.freshFor(TrackingStatus.IN_TRANSIT)).contains(Duration.ofHours(2));
        assertThat(freshness.freshFor(TrackingStatus.OUT_FOR_DELIVERY).orElseThrow()).isLessThan(Duration.ofHours(2));
        assertThat(freshness.isFresh(TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofHours(2)).plusNanos(1), NOW)).isTrue();
        assertThat(freshness.isFresh(TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofHours(2)), NOW)).isFalse();
        assertThat(freshness.with(TrackingStatus.IN_TRANSIT, Duration.ofHours(1)).freshFor(TrackingStatus.IN_TRANSIT))
                .contains(Duration.ofHours(1));
    }

    @Test
    void oldestFirstWithinTheBudgetAndFreshOnesSkipped() {
        List<RefreshPlanner.Candidate> cs = List.of(
                c(Carrier.UPS, "1Z3", TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofHours(3)), 1),
                c(Carrier.UPS, "1Z1", TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofHours(9)), 1),
                c(Carrier.UPS, "1Z0", TrackingStatus.IN_TRANSIT, null, 0),
                c(Carrier.UPS, "1Z2", TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofHours(5)), 1),
                c(Carrier.UPS, "1Zfresh", TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofMinutes(30)), 1),
                c(Carrier.UPS, "1Zdone", TrackingStatus.DELIVERED, NOW.minus(Duration.ofDays(9)), 1));
        List<RefreshPlanner.Candidate> plan = planner.plan(cs, Map.of(TrackingUpstream.UPS, 3), NOW);
        assertThat(plan).extracting(RefreshPlanner.Candidate::trackingNumber).containsExactly("1Z0", "1Z1", "1Z2");
        assertThat(planner.plan(cs, Map.of(), NOW)).isEmpty();
        assertThat(planner.plan(cs, Map.of(TrackingUpstream.UPS, 100), NOW)).hasSize(4);
    }

    @Test
    void dhlAtMostTenPerShipmentPerDayEvenlySpaced() {
        Instant last = NOW.minus(Duration.ofHours(2)); // stale (2 h) but not yet 2.4 h apart
        assertThat(planner.due(c(Carrier.DHL, "1", TrackingStatus.IN_TRANSIT, last, 3), NOW)).isFalse();
        assertThat(planner.due(c(Carrier.DHL, "1", TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofMinutes(144)), 3), NOW)).isTrue();
        assertThat(planner.due(c(Carrier.DHL, "1", TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofHours(5)), 10), NOW)).isFalse();
        assertThat(planner.due(c(Carrier.DHL, "1", TrackingStatus.OUT_FOR_DELIVERY, NOW.minus(Duration.ofHours(5)), 9), NOW)).isTrue();
        assertThat(planner.due(c(Carrier.UPS, "1", TrackingStatus.IN_TRANSIT, last, 30), NOW)).isTrue();
    }

    @Test
    void carriersSharingTheAggregatorShareItsBudget() {
        List<RefreshPlanner.Candidate> cs = List.of(
                c(Carrier.GLS, "G1", TrackingStatus.IN_TRANSIT, null, 0),
                c(Carrier.ROYAL_MAIL, "R1", TrackingStatus.IN_TRANSIT, null, 0),
                c(Carrier.OTHER, "O1", TrackingStatus.IN_TRANSIT, null, 0));
        assertThat(planner.plan(cs, Map.of(TrackingUpstream.AGGREGATOR, 2), NOW)).hasSize(2);
    }

    @Test
    void neverExceedsAnyBudgetAndServesTheLongestWaitingFirst() {
        Random random = new Random(42);
        Carrier[] carriers = Carrier.values();
        TrackingStatus[] statuses = TrackingStatus.values();
        for (int round = 0; round < 200; round++) {
            List<RefreshPlanner.Candidate> cs = new ArrayList<>();
            int n = random.nextInt(200);
            for (int i = 0; i < n; i++) {
                Instant last = random.nextInt(10) == 0 ? null : NOW.minus(Duration.ofMinutes(random.nextInt(3000)));
                cs.add(c(carriers[random.nextInt(carriers.length)], "T" + i, statuses[random.nextInt(statuses.length)], last, random.nextInt(12)));
            }
            Map<TrackingUpstream, Integer> budget = new EnumMap<>(TrackingUpstream.class);
            for (TrackingUpstream u : TrackingUpstream.values()) {
                if (random.nextBoolean()) {
                    budget.put(u, random.nextInt(15));
                }
            }
            List<RefreshPlanner.Candidate> plan = planner.plan(cs, budget, NOW);
            Map<TrackingUpstream, Long> used = plan.stream().collect(Collectors.groupingBy(x -> x.carrier().upstream(), Collectors.counting()));
            used.forEach((u, count) -> assertThat(count).isLessThanOrEqualTo(budget.getOrDefault(u, 0).longValue()));
            for (RefreshPlanner.Candidate chosen : plan) {
                assertThat(planner.due(chosen, NOW)).isTrue();
            }
            // fairness: every due but skipped candidate waited no longer than every chosen one of its upstream
            for (RefreshPlanner.Candidate skipped : cs) {
                if (plan.contains(skipped) || !planner.due(skipped, NOW)) {
                    continue;
                }
                TrackingUpstream u = skipped.carrier().upstream();
                for (RefreshPlanner.Candidate chosen : plan) {
                    if (chosen.carrier().upstream() == u && skipped.lastRefreshedAt() != null) {
                        assertThat(chosen.lastRefreshedAt() == null || !chosen.lastRefreshedAt().isAfter(skipped.lastRefreshedAt()))
                                .as("%s chosen before older %s", chosen, skipped).isTrue();
                    }
                    if (chosen.carrier().upstream() == u && skipped.lastRefreshedAt() == null) {
                        assertThat(chosen.lastRefreshedAt()).isNull();
                    }
                }
            }
        }
    }
}
