package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.http.Quota;
import com.deskbridge.quota.QuotaCounters;
import com.deskbridge.quota.QuotaCounters.Key;
import com.deskbridge.quota.QuotaCounters.Level;
import com.deskbridge.quota.TokenBucket;
import com.deskbridge.quota.WindowQuota;
import com.deskbridge.spapi.SpApiOperation;
import com.deskbridge.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuotaCounters} does, run against DynamoDB Local ({@code DynamoDbQuotaCountersTest}) and the
 * in-memory counters the fast service tests use ({@code InMemoryQuotaCountersTest}): window counters stop at their
 * limit, two counters move together or not at all, bucket levels change only when unchanged since read; and both
 * algorithms over them ({@link WindowQuota}, {@link TokenBucket}) keep their limits.
 */
abstract class QuotaCountersContract {

    abstract QuotaCounters counters();

    private static Key key() {
        return new Key("QUOTA#contract#" + UUID.randomUUID(), "W#0");
    }

    private static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void aWindowCounterStopsAtItsLimitAndTwoCountersMoveTogether() {
        Key shared = key();
        Key own = key();
        assertThat(counters().calls(shared)).isZero();
        assertThat(counters().increment(shared, 2, EXPIRES)).isTrue();
        assertThat(counters().incrementBoth(shared, 3, own, 1, EXPIRES)).isEqualTo(QuotaCounters.Outcome.GRANTED);
        assertThat(counters().incrementBoth(shared, 5, own, 1, EXPIRES)).as("the second is full").isEqualTo(QuotaCounters.Outcome.SECOND_FULL);
        assertThat(counters().incrementBoth(shared, 2, own, 5, EXPIRES)).as("the first is full").isEqualTo(QuotaCounters.Outcome.FIRST_FULL);
        assertThat(counters().increment(shared, 2, EXPIRES)).isFalse();
        assertThat(counters().calls(shared)).as("refused takes count nothing").isEqualTo(2);
        assertThat(counters().calls(own)).isEqualTo(1);
    }

    @Test
    void aBucketLevelIsReplacedOnlyWhenUnchangedSinceRead() {
        Key bucket = key();
        Level first = new Level(new BigDecimal("14.000000000"), 1000);
        assertThat(counters().level(bucket)).isEmpty();
        assertThat(counters().replaceLevel(bucket, Optional.of(first), first)).as("not stored yet").isFalse();
        assertThat(counters().replaceLevel(bucket, Optional.empty(), first)).isTrue();
        assertThat(counters().replaceLevel(bucket, Optional.empty(), first)).as("stored meanwhile").isFalse();
        Level second = new Level(new BigDecimal("13.5"), 2000);
        assertThat(counters().replaceLevel(bucket, Optional.of(new Level(new BigDecimal("14"), 999)), second)).isFalse();
        assertThat(counters().replaceLevel(bucket, Optional.of(new Level(new BigDecimal("14"), 1000)), second))
                .as("the same number of tokens, whatever its scale").isTrue();
        Level stored = counters().level(bucket).orElseThrow();
        assertThat(stored.tokens()).isEqualByComparingTo("13.5");
        assertThat(stored.atMillis()).isEqualTo(2000);
    }

    @Test
    void aFixedWindowAndItsSellerSharesKeepTheirLimits() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        WindowQuota hour = new WindowQuota(counters(), clock, "contract#" + UUID.randomUUID(), 10, Duration.ofHours(1));
        Quota greedy = hour.forSeller("greedy", 2, 4);
        int granted = 0;
        for (int i = 0; i < 20; i++) {
            granted += greedy.take() instanceof Quota.Granted ? 1 : 0;
        }
        assertThat(granted).as("its share, then borrowing down to the reserve").isEqualTo(6);
        assertThat(hour.remaining()).isEqualTo(4);
        assertThat(hour.take()).isEqualTo(Quota.GRANTED);
        assertThat(hour.forSeller("modest", 2, 4).take()).isEqualTo(Quota.GRANTED);
        assertThat(hour.forSeller("modest", 2, 4).take()).isEqualTo(Quota.GRANTED);
        assertThat(hour.take()).isEqualTo(Quota.GRANTED);
        assertThat(hour.take()).isEqualTo(new Quota.Denied(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(1));
        assertThat(hour.remaining()).as("a new window").isEqualTo(10);
    }

    @Test
    void aTokenBucketGrantsTheBurstThenRefillsAtTheDocumentedRate() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        TokenBucket getOrder = new TokenBucket(counters(), clock, SpApiOperation.ORDERS_GET_ORDER); // 0.5/s, burst 30
        String seller = "S" + UUID.randomUUID();
        assertThat(getOrder.snapshot(seller)).isEqualTo(new TokenBucket.Snapshot(30, null));
        int granted = 0;
        for (int i = 0; i < 35; i++) {
            granted += getOrder.tryTake(seller) ? 1 : 0;
        }
        assertThat(granted).isEqualTo(30);
        assertThat(getOrder.snapshot(seller)).isEqualTo(new TokenBucket.Snapshot(0, clock.instant()));
        assertThat(getOrder.nextPermitAt(seller)).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(getOrder.quota(seller).take()).isEqualTo(new Quota.Denied(Duration.ofSeconds(2)));
        clock.advance(Duration.ofSeconds(2));
        assertThat(getOrder.quota(seller).take()).isEqualTo(Quota.GRANTED);
        assertThat(getOrder.available("other" + seller)).as("each seller's own bucket").isEqualTo(30);
    }
}
