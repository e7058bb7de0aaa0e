package com.deskbridge.enrichment;

import com.deskbridge.carriers.AllOfQuota;
import com.deskbridge.carriers.CarrierSettings;
import com.deskbridge.http.Quota;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every tracking upstream's documented budget ({@link CarrierBudgets}: DHL 1/s and 250/day, USPS 60/hour, ...) held
 * in DynamoDB ({@link DynamoDbQuota}) so that all containers of all functions share it. The in-memory limiters of
 * the carriers module only see one container; these are the ones that keep the account under the carrier's quota.
 * Per-second rates are asked first and the scarce long budgets last (see {@link AllOfQuota}).
 */
public final class SharedCarrierQuotas {

    private final Map<TrackingUpstream, Quota> quotas = new EnumMap<>(TrackingUpstream.class);
    private final Map<TrackingUpstream, List<DynamoDbQuota>> budgets = new EnumMap<>(TrackingUpstream.class);
    private final Map<TrackingUpstream, Integer> ratePermits = new EnumMap<>(TrackingUpstream.class);

    public SharedCarrierQuotas(DynamoDbClient dynamo, String table, Clock clock, CarrierBudgets carrierBudgets) {
        Objects.requireNonNull(carrierBudgets);
        for (TrackingUpstream u : TrackingUpstream.values()) {
            CarrierBudgets.Budget b = carrierBudgets.of(u);
            List<Quota> rates = new ArrayList<>();
            List<DynamoDbQuota> longOnes = new ArrayList<>();
            int rate = Integer.MAX_VALUE;
            for (CarrierBudgets.RateLimit l : b.limits()) {
                DynamoDbQuota q = new DynamoDbQuota(dynamo, table, clock, "carrier#" + CarrierSettings.key(u), l.permits(), l.period());
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
            budgets.put(u, List.copyOf(longOnes));
            ratePermits.put(u, rate);
        }
    }

    public Quota quota(TrackingUpstream upstream) {
        return quotas.get(upstream);
    }

    /**
     * Calls the long budgets of {@code upstream} still allow in their current windows (for {@code RefreshPlanner});
     * an upstream limited only by a short rate reports that rate's permits.
     */
    public int remaining(TrackingUpstream upstream) {
        List<DynamoDbQuota> b = budgets.get(upstream);
        return b.isEmpty() ? ratePermits.get(upstream) : b.stream().mapToInt(DynamoDbQuota::remaining).min().orElse(0);
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
        return budgets.get(upstream).stream().filter(q -> q.remaining() == 0).map(DynamoDbQuota::windowEnd)
                .max(java.util.Comparator.naturalOrder()).orElse(null);
    }
}
