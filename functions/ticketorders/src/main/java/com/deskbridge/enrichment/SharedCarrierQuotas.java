package com.deskbridge.enrichment;

import com.deskbridge.carriers.AllOfQuota;
import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.http.Quota;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingUpstream;
import com.deskbridge.quota.QuotaCounters;
import com.deskbridge.quota.WindowQuota;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every tracking upstream's documented budget ({@link CarrierBudgets}: DHL 1/s and 250/day, USPS 60/hour, ...) held
 * in the shared counters ({@link WindowQuota} over {@link QuotaCounters}) so that all containers of all functions share it. The in-memory limiters of
 * the carriers module only see one container; these are the ones that keep the account under the carrier's quota.
 * Per-second rates are asked first and the scarce long budgets last (see {@link AllOfQuota}). Look-ups made for a
 * seller count against that seller's share of each long budget ({@link #quota(TrackingUpstream, String)}).
 */
public final class SharedCarrierQuotas {

    /** A seller's own share of each long budget (a day's, an hour's), at least one call. */
    static final double SELLER_SHARE = 0.10;
    /** The part of each long budget kept for sellers still within their share: nobody borrows into it. */
    static final double RESERVE = 0.25;

    private final Map<TrackingUpstream, Quota> quotas = new EnumMap<>(TrackingUpstream.class);
    private final Map<TrackingUpstream, List<Quota>> rateQuotas = new EnumMap<>(TrackingUpstream.class);
    private final Map<TrackingUpstream, List<WindowQuota>> budgets = new EnumMap<>(TrackingUpstream.class);
    private final Map<TrackingUpstream, Integer> ratePermits = new EnumMap<>(TrackingUpstream.class);

    public SharedCarrierQuotas(QuotaCounters counters, Clock clock, CarrierBudgets carrierBudgets) {
        Objects.requireNonNull(carrierBudgets);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            CarrierBudgets.Budget b = carrierBudgets.of(u);
            List<Quota> rates = new ArrayList<>();
            List<WindowQuota> longOnes = new ArrayList<>();
            int rate = Integer.MAX_VALUE;
            for (CarrierBudgets.RateLimit l : b.limits()) {
                WindowQuota q = new WindowQuota(counters, clock, "carrier#" + CarrierSettings.key(u), l.permits(), l.period());
                if (l.rate()) {
                    rates.add(q);
                    rate = Math.min(rate, l.permits());
                } else {
                    longOnes.add(q);
                }
            }
            List<Quota> all = new ArrayList<>(rates);
            all.addAll(longOnes);
            quotas.put(u, all.size() == 1 ? all.get(0) : new AllOfQuota(all));
            rateQuotas.put(u, List.copyOf(rates));
            budgets.put(u, List.copyOf(longOnes));
            ratePermits.put(u, rate);
        }
    }

    public Quota quota(TrackingUpstream upstream) {
        return quotas.get(upstream);
    }

    /**
     * The quota of {@code upstream} for look-ups on behalf of {@code sellerId}: the shared rates as they are, and of
     * each long budget the seller's share ({@link WindowQuota#forSeller}), so one seller cannot use a shared
     * carrier budget up for everyone. Without a seller (scheduled refreshes), the shared budget itself.
     */
    public Quota quota(TrackingUpstream upstream, String sellerId) {
        if (sellerId == null || budgets.get(upstream).isEmpty()) {
            return quota(upstream);
        }
        List<Quota> all = new ArrayList<>(rateQuotas.get(upstream));
        for (WindowQuota budget : budgets.get(upstream)) {
            all.add(budget.forSeller(sellerId, Math.max(1, (int) Math.ceil(budget.permits() * SELLER_SHARE)),
                    Math.min(budget.permits() - 1, (int) Math.ceil(budget.permits() * RESERVE))));
        }
        return all.size() == 1 ? all.get(0) : new AllOfQuota(all);
    }

    /**
     * Calls the long budgets of {@code upstream} still allow in their current windows (for {@code RefreshPlanner});
     * an upstream limited only by a short rate reports that rate's permits.
     */
    public int remaining(TrackingUpstream upstream) {
        List<WindowQuota> b = budgets.get(upstream);
        return b.isEmpty() ? ratePermits.get(upstream) : b.stream().mapToInt(WindowQuota::remaining).min().orElse(0);
    }

    /** {@link #remaining} of every upstream: the {@code remaining} argument of {@code RefreshPlanner.plan}. */
    public Map<TrackingUpstream, Integer> remainingBudgets() {
        Map<TrackingUpstream, Integer> m = new EnumMap<>(TrackingUpstream.class);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            m.put(u, remaining(u));
        }
        return m;
    }

    /** When the first exhausted long budget of {@code upstream} opens again, or null when none is exhausted. */
    public java.time.Instant nextWindow(TrackingUpstream upstream) {
        return budgets.get(upstream).stream().filter(q -> q.remaining() == 0).map(WindowQuota::windowEnd)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
    }
}
