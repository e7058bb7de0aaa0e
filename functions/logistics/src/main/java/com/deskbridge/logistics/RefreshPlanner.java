package com.deskbridge.logistics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Picks which shipments to refresh now without exceeding any upstream's remaining budget. A shipment is due when its
 * snapshot is stale ({@link TrackingFreshness}) and, where the carrier limits fetches per shipment (DHL: at most
 * 10 per day, "evenly spread", https://support-developer.dhl.com/en/support/solutions/articles/47001248773), when the even spacing (24 h / limit) has passed and today's
 * count is below the limit. Among due shipments the longest-unrefreshed go first (never refreshed before anything),
 * so no shipment starves while budget remains; ties break on carrier and tracking number so plans are reproducible.
 */
public final class RefreshPlanner {

    /**
     * A shipment we track. {@code lastRefreshedAt} is null when never fetched; {@code fetchesLast24h} counts our
     * calls for it over the last day.
     */
    public record Candidate(Carrier carrier, String trackingNumber, TrackingStatus status, Instant lastRefreshedAt,
                            int fetchesLast24h) {
        public Candidate {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
            Objects.requireNonNull(status, "status");
        }
    }

    private static final Comparator<Candidate> OLDEST_FIRST = Comparator
            .comparing(Candidate::lastRefreshedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Candidate::carrier)
            .thenComparing(Candidate::trackingNumber);

    private final TrackingFreshness freshness;
    private final CarrierBudgets budgets;

    public RefreshPlanner(TrackingFreshness freshness, CarrierBudgets budgets) {
        this.freshness = Objects.requireNonNull(freshness);
        this.budgets = Objects.requireNonNull(budgets);
    }

    /**
     * @param remaining calls each upstream may still make now; an upstream missing from the map has no budget
     * @return the shipments to refresh now, oldest refresh first; never more per upstream than {@code remaining}
     */
    public List<Candidate> plan(List<Candidate> candidates, Map<TrackingUpstream, Integer> remaining, Instant now) {
        Map<TrackingUpstream, Integer> left = new EnumMap<>(TrackingUpstream.class);
        remaining.forEach((k, v) -> left.put(k, Math.max(0, v == null ? 0 : v)));
        Set<String> seen = new HashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : candidates.stream().sorted(OLDEST_FIRST).toList()) {
            if (!seen.add(c.carrier() + "|" + c.trackingNumber()) || !due(c, now)) {
                continue;
            }
            TrackingUpstream upstream = c.carrier().upstream();
            int budget = left.getOrDefault(upstream, 0);
            if (budget > 0) {
                chosen.add(c);
                left.put(upstream, budget - 1);
            }
        }
        return chosen;
    }

    /** Whether the shipment may and should be refreshed now, budgets aside. */
    public boolean due(Candidate c, Instant now) {
        if (c.lastRefreshedAt() == null) {
            return true;
        }
        if (freshness.isFresh(c.status(), c.lastRefreshedAt(), now)) {
            return false;
        }
        int perDay = budgets.of(c.carrier()).perShipmentPerDay();
        if (perDay > 0) {
            if (c.fetchesLast24h() >= perDay) {
                return false;
            }
            Duration spacing = Duration.ofDays(1).dividedBy(perDay);
            return !now.isBefore(c.lastRefreshedAt().plus(spacing));
        }
        return true;
    }
}
