package com.deskbridge.carriers;

import com.deskbridge.http.Quota;
import com.deskbridge.http.TokenBucket;
import com.deskbridge.logistics.CarrierBudgets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the client-side limiter for one upstream from its documented budget ({@link CarrierBudgets}): short rates
 * become {@link TokenBucket}s whose burst plus refill never exceeds the rate's window (burst = a tenth of the
 * window's permits, refill = the rest spread over the window); long budgets become {@link SlidingWindowQuota}s.
 * Rates are asked first, budgets last (see {@link AllOfQuota}). The limiter is per container: in AWS, one
 * function with reserved concurrency 1 (or a shared store) is needed to hold the quota across containers.
 */
public final class CarrierQuotas {

    /** The limiter of one upstream, which can also say how many calls its long budgets still allow. */
    public static final class BudgetQuota implements Quota {
        private final Quota all;
        private final List<SlidingWindowQuota> budgets;
        private final int ratePermits;

        private BudgetQuota(Quota all, List<SlidingWindowQuota> budgets, int ratePermits) {
            this.all = all;
            this.budgets = budgets;
            this.ratePermits = ratePermits;
        }

        @Override
        public Decision take() {
            return all.take();
        }

        /**
         * Calls the long budgets (per hour/day) still allow now, for the {@code RefreshPlanner}; an upstream limited
         * only by a short rate reports that rate's permits per window (it refills within seconds).
         */
        public int remaining() {
            return budgets.isEmpty() ? ratePermits
                    : budgets.stream().mapToInt(SlidingWindowQuota::available).min().orElse(0);
        }
    }

    private CarrierQuotas() {
    }

    public static BudgetQuota forBudget(CarrierBudgets.Budget budget, Clock clock) {
        List<Quota> members = new ArrayList<>();
        List<SlidingWindowQuota> budgets = new ArrayList<>();
        int ratePermits = Integer.MAX_VALUE;
        for (CarrierBudgets.RateLimit limit : budget.limits()) {
            if (limit.rate()) {
                members.add(bucket(limit, clock));
                ratePermits = Math.min(ratePermits, limit.permits());
            } else {
                budgets.add(new SlidingWindowQuota(clock, limit.permits(), limit.period()));
            }
        }
        members.addAll(budgets);
        Quota all = members.size() == 1 ? members.get(0) : new AllOfQuota(members);
        return new BudgetQuota(all, List.copyOf(budgets), ratePermits);
    }

    static TokenBucket bucket(CarrierBudgets.RateLimit limit, Clock clock) {
        double seconds = limit.period().toNanos() / 1e9;
        int burst = Math.max(1, limit.permits() / 10);
        double refill = limit.permits() > burst ? (limit.permits() - burst) / seconds : limit.permits() / seconds;
        return TokenBucket.perSecond(clock, refill, burst);
    }
}
