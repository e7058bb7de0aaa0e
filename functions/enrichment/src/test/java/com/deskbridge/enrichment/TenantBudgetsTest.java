package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.http.Quota;
import com.deskbridge.quota.DynamoDbQuotaCounters;
import com.deskbridge.quota.InMemoryQuotaCounters;
import com.deskbridge.quota.WindowQuota;
import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingUpstream;
import com.deskbridge.spapi.SpApiOperation;
import com.deskbridge.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Per-tenant budgets (issue 12, per-tenant fairness): one seller cannot use a shared carrier budget up for everyone,
 * and SP-API budgets are each seller's own. The share-and-reserve arithmetic runs on {@link InMemoryQuotaCounters}
 * (hundreds of takes; {@code DynamoDbQuotaCounters} passes the same counter contract, seller shares included, in the
 * actions module's DynamoDbQuotaCountersTest); concurrent takers race on DynamoDB Local, where conditional writes and
 * transaction conflicts are real.
 */
class TenantBudgetsTest {

    private static int take(Quota quota, int times) {
        int granted = 0;
        for (int i = 0; i < times; i++) {
            granted += quota.take() instanceof Quota.Granted ? 1 : 0;
        }
        return granted;
    }

    @Test
    void aGreedySellerCannotUseASharedBudgetUpForEveryone() {
        MutableClock clock = new MutableClock(TestStack.freshDay());
        WindowQuota day = new WindowQuota(new InMemoryQuotaCounters(), clock,
                "test-fair-" + TestStack.unique(), 100, Duration.ofDays(1));
        Quota greedy = day.forSeller("greedy", 10, 25);

        assertThat(take(greedy, 500)).as("its share, then borrowing down to the reserve").isEqualTo(75);
        assertThat(day.remaining()).isEqualTo(25);
        assertThat(take(day.forSeller("second", 10, 25), 50)).as("within its share, from the reserve").isEqualTo(10);
        assertThat(take(day.forSeller("third", 10, 25), 50)).isEqualTo(10);
        assertThat(take(day.forSeller("fourth", 10, 25), 50)).as("what is left of the budget").isEqualTo(5);
        assertThat(day.remaining()).isZero();
        assertThat(take(greedy, 1)).isZero();
    }

    @Test
    void aLoneSellerMayUseWhatNobodyElseNeedsUpToTheReserve() {
        MutableClock clock = new MutableClock(TestStack.freshDay());
        WindowQuota hour = new WindowQuota(new InMemoryQuotaCounters(), clock,
                "test-lone-" + TestStack.unique(), 60, Duration.ofHours(1));

        assertThat(take(hour.forSeller("lone", 6, 15), 100)).isEqualTo(45);
        clock.advance(Duration.ofHours(1));
        assertThat(take(hour.forSeller("lone", 6, 15), 100)).as("a new window").isEqualTo(45);
    }

    @Test
    void concurrentTakersNeverExceedTheBudgetOrTheReserve() throws Exception {
        MutableClock clock = new MutableClock(TestStack.freshDay());
        WindowQuota day = new WindowQuota(new DynamoDbQuotaCounters(TestStack.get().dynamoDbClient(), TestStack.table()), clock,
                "test-race-" + TestStack.unique(), 40, Duration.ofDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                Quota q = day.forSeller("racer", 4, 10);
                takes.add(() -> q.take() instanceof Quota.Granted);
            }
            int granted = 0;
            for (Future<Boolean> f : pool.invokeAll(takes)) {
                granted += f.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
        assertThat(take(day.forSeller("other", 4, 10), 10)).isEqualTo(4);
    }

    @Test
    void carrierLookupsForASellerCountAgainstItsShare() {
        MutableClock clock = new MutableClock(TestStack.freshDay());
        SharedCarrierQuotas quotas = new SharedCarrierQuotas(new InMemoryQuotaCounters(), clock,
                CarrierBudgets.documented());
        String greedy = "G" + TestStack.unique();
        int taken = 0;
        for (int i = 0; i < 400; i++) {
            clock.advance(Duration.ofSeconds(2)); // past DHL's one call a second
            taken += quotas.quota(TrackingUpstream.DHL, greedy).take() instanceof Quota.Granted ? 1 : 0;
        }
        int dailyBudget = 250;
        assertThat(taken).as("DHL's 250 a day less the reserve kept for others")
                .isEqualTo(dailyBudget - (int) Math.ceil(dailyBudget * SharedCarrierQuotas.RESERVE));
        clock.advance(Duration.ofSeconds(2));
        assertThat(quotas.quota(TrackingUpstream.DHL, "O" + TestStack.unique()).take()).isInstanceOf(Quota.Granted.class);
    }

    @Test
    void spApiBudgetsAreEachSellersOwn() {
        MutableClock clock = new MutableClock(TestStack.freshDay());
        DynamoDbSpApiQuotas quotas = new DynamoDbSpApiQuotas(new InMemoryQuotaCounters(), clock);
        String a = "A" + TestStack.unique();
        String b = "B" + TestStack.unique();

        assertThat(take(quotas.quota(SpApiOperation.ORDERS_GET_ORDER, a), 100)).isEqualTo(15);
        assertThat(take(quotas.quota(SpApiOperation.ORDERS_GET_ORDER, b), 100)).as("seller A used up only its own").isEqualTo(15);
    }
}
