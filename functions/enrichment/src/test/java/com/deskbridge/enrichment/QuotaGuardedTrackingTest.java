package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.http.Quota;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The shared quota in front of the carriers: a refusal for a moment is waited out once, a longer one stands. */
class QuotaGuardedTrackingTest {

    private final AtomicInteger carrierCalls = new AtomicInteger();
    private final TrackingSource carrier = (c, number) -> {
        carrierCalls.incrementAndGet();
        return new TrackingSource.NotFound(c, number);
    };

    private static Quota answers(Quota.Decision... decisions) {
        Deque<Quota.Decision> left = new ArrayDeque<>(List.of(decisions));
        return () -> left.isEmpty() ? Quota.GRANTED : left.poll();
    }

    @Test
    void aPerSecondRefusalIsWaitedOutOnceAndTheCarrierAskedOnce() {
        Quota quota = answers(new Quota.Denied(Duration.ofMillis(20)), Quota.GRANTED);
        QuotaGuardedTracking tracking = new QuotaGuardedTracking(carrier, (TrackingUpstream u, String seller) -> quota);

        TrackingSource.TrackingResult r = tracking.forSeller("s1").track(Carrier.DHL, "00340434161094000009");

        assertThat(r).isInstanceOf(TrackingSource.NotFound.class);
        assertThat(carrierCalls).hasValue(1);
        assertThat(tracking.calls(TrackingUpstream.DHL)).isEqualTo(1);
    }

    @Test
    void aLongerRefusalOrASecondRefusalStandsWithoutCallingTheCarrier() {
        Quota daily = answers(new Quota.Denied(Duration.ofHours(3)));
        Quota busy = answers(new Quota.Denied(Duration.ofMillis(20)), new Quota.Denied(Duration.ofMillis(20)));

        TrackingSource.TrackingResult r1 = new QuotaGuardedTracking(carrier, (TrackingUpstream u, String s) -> daily)
                .forSeller("s1").track(Carrier.DHL, "00340434161094000010");
        TrackingSource.TrackingResult r2 = new QuotaGuardedTracking(carrier, (TrackingUpstream u, String s) -> busy)
                .forSeller("s1").track(Carrier.DHL, "00340434161094000011");

        assertThat(r1).isInstanceOfSatisfying(TrackingSource.Unavailable.class,
                u -> assertThat(u.retryAfter()).isEqualTo(Duration.ofHours(3)));
        assertThat(r2).isInstanceOfSatisfying(TrackingSource.Unavailable.class,
                u -> assertThat(u.reason()).endsWith("quota used up"));
        assertThat(carrierCalls).hasValue(0);
    }
}
