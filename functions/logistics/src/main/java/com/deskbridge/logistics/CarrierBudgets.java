package com.deskbridge.logistics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The documented call quotas of each tracking upstream, as data (functions/carriers/README.md, Sources). The carriers module builds
 * its client-side limiters from these; the {@link RefreshPlanner} uses the per-shipment limit. Where a carrier
 * publishes nothing we choose a conservative default and mark the budget unconfirmed.
 */
public final class CarrierBudgets {

    /** {@code permits} calls per {@code period}. */
    public record RateLimit(int permits, Duration period) {
        public RateLimit {
            if (permits < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs at least one permit per positive period");
            }
        }

        /** Short windows (a few seconds) are rates; longer ones are budgets that can run out for hours. */
        public boolean rate() {
            return period.compareTo(Duration.ofMinutes(1)) < 0;
        }
    }

    /**
     * @param perShipmentPerDay how often one shipment may be fetched per day, 0 for no such rule
     * @param confirmed         false when the figures are community-reported or our own conservative choice
     * @param note              where the figures come from
     */
    public record Budget(TrackingUpstream upstream, List<RateLimit> limits, int perShipmentPerDay, boolean confirmed,
                         String note) {
        public Budget {
            Objects.requireNonNull(upstream, "upstream");
            limits = List.copyOf(limits);
            if (limits.isEmpty()) {
                throw new IllegalArgumentException("a budget needs at least one limit");
            }
        }

        /** The most calls the limits allow in one day. */
        public long dailyCapacity() {
            return limits.stream()
                    .mapToLong(l -> (long) Math.floor(l.permits() * (double) Duration.ofDays(1).toNanos() / l.period().toNanos()))
                    .min().orElseThrow();
        }
    }

    private final Map<TrackingUpstream, Budget> budgets;

    private CarrierBudgets(Map<TrackingUpstream, Budget> budgets) {
        this.budgets = budgets;
    }

    /**
     * The documented figures:
     * DHL 250/day and 1/s, at most 10 fetches per shipment per day (https://support-developer.dhl.com/en/support/solutions/articles/47001248773);
     * UPS: not published (https://github.com/UPS-API/api-documentation/issues/8) - our conservative choice 1/s and 2,000/day (UNCONFIRMED);
     * FedEx 1,400 per 10 s per project (https://developer.fedex.com/api/en-us/guides/ratelimits.html);
     * USPS ~60/hour per app, community-reported (https://github.com/USPS/api-examples/issues/107, UNCONFIRMED);
     * DPD: not published - our conservative choice 1/s and 2,000/day (UNCONFIRMED);
     * aggregator: AfterShip 10/s per organisation (https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses).
     */
    public static CarrierBudgets documented() {
        Map<TrackingUpstream, Budget> m = new EnumMap<>(TrackingUpstream.class);
        m.put(TrackingUpstream.DHL, new Budget(TrackingUpstream.DHL,
                List.of(new RateLimit(1, Duration.ofSeconds(1)), new RateLimit(250, Duration.ofDays(1))), 10, true,
                "DHL Unified Tracking initial service level: 250 calls/day, max 1 call/s, <=10 fetches per shipment per day"));
        m.put(TrackingUpstream.UPS, new Budget(TrackingUpstream.UPS,
                List.of(new RateLimit(1, Duration.ofSeconds(1)), new RateLimit(2000, Duration.ofDays(1))), 0, false,
                "UPS publishes no quota (429 'Quota Limit Exceeded'); conservative default chosen by Deskbridge"));
        m.put(TrackingUpstream.FEDEX, new Budget(TrackingUpstream.FEDEX,
                List.of(new RateLimit(1400, Duration.ofSeconds(10))), 0, true,
                "FedEx: 1,400 transactions per 10 s per project"));
        m.put(TrackingUpstream.USPS, new Budget(TrackingUpstream.USPS,
                List.of(new RateLimit(60, Duration.ofHours(1))), 0, false,
                "USPS v3 default ~60 requests/hour per app (community-reported, official number UNCONFIRMED)"));
        m.put(TrackingUpstream.DPD, new Budget(TrackingUpstream.DPD,
                List.of(new RateLimit(1, Duration.ofSeconds(1)), new RateLimit(2000, Duration.ofDays(1))), 0, false,
                "DPD publishes no quota; conservative default chosen by Deskbridge"));
        m.put(TrackingUpstream.AGGREGATOR, new Budget(TrackingUpstream.AGGREGATOR,
                List.of(new RateLimit(10, Duration.ofSeconds(1))), 0, true,
                "AfterShip API: 10 requests/s per organisation"));
        return new CarrierBudgets(m);
    }

    /** A copy with one upstream's budget replaced (a raised quota, or small numbers in tests). */
    public CarrierBudgets with(Budget budget) {
        Map<TrackingUpstream, Budget> m = new EnumMap<>(budgets);
        m.put(budget.upstream(), budget);
        return new CarrierBudgets(m);
    }

    public Budget of(TrackingUpstream upstream) {
        return budgets.get(Objects.requireNonNull(upstream));
    }

    public Budget of(Carrier carrier) {
        return of(carrier.upstream());
    }
}
