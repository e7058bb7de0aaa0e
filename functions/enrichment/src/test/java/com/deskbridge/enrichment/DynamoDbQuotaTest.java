package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.http.Quota;
import com.deskbridge.quota.DynamoDbQuotaCounters;
import com.deskbridge.quota.WindowQuota;
import com.deskbridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The carrier budget shared by all Lambda containers (issue 4: "quotas are real ... never exceed it"): two
 * independent quota instances (two containers) against the same DynamoDB Local table, taking concurrently.
 */
class DynamoDbQuotaTest {

    @Test
    void twoInstancesTogetherNeverExceedTheBudget() throws Exception {
        MutableClock clock = new MutableClock(TestStack.freshDay());
        String name = "test-dhl-" + TestStack.unique();
        WindowQuota a = new WindowQuota(new DynamoDbQuotaCounters(TestStack.get().dynamoDbClient(), TestStack.table()), clock, name, 25, Duration.ofDays(1));
        WindowQuota b = new WindowQuota(new DynamoDbQuotaCounters(TestStack.get().dynamoDbClient(), TestStack.table()), clock, name, 25, Duration.ofDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                WindowQuota q = i % 2 == 0 ? a : b;
                takes.add(() -> q.take() instanceof Quota.Granted);
            }
            int granted = 0;
            for (Future<Boolean> f : pool.invokeAll(takes)) {
                granted += f.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(25);
        } finally {
            pool.shutdownNow();
        }
        assertThat(a.remaining()).isZero();
        Quota.Decision denied = b.take();
        assertThat(denied).isInstanceOf(Quota.Denied.class);
        // the window is the UTC day (DHL resets at 00:00 GMT): the wait runs to midnight
        Instant midnight = a.windowEnd();
        assertThat(((Quota.Denied) denied).retryAfter()).isEqualTo(Duration.between(clock.instant(), midnight));
        clock.advance(Duration.between(clock.instant(), midnight));
        assertThat(a.take()).isInstanceOf(Quota.Granted.class);
        assertThat(b.remaining()).isEqualTo(24);
    }

    @Test
    void spApiQuotaAdmitsHalfTheBurstPerWindow() {
        MutableClock clock = new MutableClock(TestStack.freshDay());
        DynamoDbSpApiQuotas quotas = new DynamoDbSpApiQuotas(new DynamoDbQuotaCounters(TestStack.get().dynamoDbClient(), TestStack.table()), clock);
        String seller = "S" + TestStack.unique();
        Quota getOrder = quotas.quota(com.deskbridge.spapi.SpApiOperation.ORDERS_GET_ORDER, seller);
        int granted = 0;
        for (int i = 0; i < 40; i++) {
            granted += getOrder.take() instanceof Quota.Granted ? 1 : 0;
        }
        // getOrder: rate 0.5/s, burst 30 -> 15 per 30 s window, which Amazon's bucket always admits
        assertThat(granted).isEqualTo(15);
        clock.advance(Duration.ofSeconds(30));
        assertThat(getOrder.take()).isInstanceOf(Quota.Granted.class);
    }
}
