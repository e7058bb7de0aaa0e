package com.deskbridge.logistics;

import static com.deskbridge.logistics.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProactiveFlagsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final ProactiveFlags flags = new ProactiveFlags(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void delayedOnlyStrictlyAfterThePromisedDeliveryAndOnlyIfNotDelivered() {
        TrackingSnapshot moving = snapshot(TrackingStatus.IN_TRANSIT, NOW.minusSeconds(3600), null, false, null, NOW);
        assertThat(flags.evaluate(moving, NOW)).doesNotContain(ProactiveFlag.DELAYED);
        assertThat(flags.evaluate(moving, NOW.minusNanos(1))).contains(ProactiveFlag.DELAYED);
        assertThat(flags.evaluate(moving, null)).isEmpty();
        TrackingSnapshot delivered = snapshot(TrackingStatus.DELIVERED, NOW.minusSeconds(3600), null, false, null, NOW);
        assertThat(flags.evaluate(delivered, NOW.minus(Duration.ofDays(3)))).isEmpty();
    }

    @Test
    void delayedWhenTheCarrierReportsADelayOrEstimatesPastThePromise() {
        Instant promised = NOW.plus(Duration.ofDays(2));
        TrackingSnapshot customs = snapshot(TrackingStatus.IN_TRANSIT, NOW.minusSeconds(60), null, false, IncidentReason.CUSTOMS_DELAY, NOW);
        assertThat(flags.evaluate(customs, promised)).containsExactly(ProactiveFlag.DELAYED);
        TrackingSnapshot lateEstimate = snapshot(TrackingStatus.IN_TRANSIT, NOW.minusSeconds(60), promised.plusSeconds(1), false, null, NOW);
        assertThat(flags.evaluate(lateEstimate, promised)).containsExactly(ProactiveFlag.DELAYED);
        TrackingSnapshot onTime = snapshot(TrackingStatus.IN_TRANSIT, NOW.minusSeconds(60), promised, false, null, NOW);
        assertThat(flags.evaluate(onTime, promised)).isEmpty();
        TrackingSnapshot refused = snapshot(TrackingStatus.EXCEPTION, NOW.minusSeconds(60), null, false, IncidentReason.CONSIGNEE_REFUSED, NOW);
        assertThat(flags.evaluate(refused, promised)).containsExactly(ProactiveFlag.EXCEPTION);
    }

    @Test
    void lostAfterExactlySevenSilentDaysInTransit() {
        Duration n = ProactiveFlags.DEFAULT_SILENCE_BEFORE_LOST;
        assertThat(n).isEqualTo(Duration.ofDays(7));
        TrackingSnapshot justBefore = snapshot(TrackingStatus.IN_TRANSIT, NOW.minus(n).plusNanos(1), null, false, null, NOW);
        assertThat(flags.evaluate(justBefore, null)).doesNotContain(ProactiveFlag.LOST);
        TrackingSnapshot atN = snapshot(TrackingStatus.IN_TRANSIT, NOW.minus(n), null, false, null, NOW);
        assertThat(flags.evaluate(atN, null)).containsExactly(ProactiveFlag.LOST);
        TrackingSnapshot outForDelivery = snapshot(TrackingStatus.OUT_FOR_DELIVERY, NOW.minus(n), null, false, null, NOW);
        assertThat(flags.evaluate(outForDelivery, null)).contains(ProactiveFlag.LOST);
    }

    @Test
    void aLabelWithoutScansIsNeverLostAndDeliveredNeverIs() {
        TrackingSnapshot labelOnly = snapshot(TrackingStatus.INFO_RECEIVED, NOW.minus(Duration.ofDays(30)), null, false, null, NOW);
        assertThat(flags.evaluate(labelOnly, null)).isEmpty();
        TrackingSnapshot delivered = snapshot(TrackingStatus.DELIVERED, NOW.minus(Duration.ofDays(30)), null, false, null, NOW);
        assertThat(flags.evaluate(delivered, null)).isEmpty();
        TrackingSnapshot noEvents = snapshot(TrackingStatus.IN_TRANSIT, null, null, false, null, NOW);
        assertThat(flags.evaluate(noEvents, null)).isEmpty();
    }

    @Test
    void lostWhenTheCarrierSaysSoOrStopsReporting() {
        TrackingSnapshot reportedLost = snapshot(TrackingStatus.EXCEPTION, NOW.minusSeconds(60), null, false, IncidentReason.CARRIER_PARCEL_LOST, NOW);
        assertThat(flags.evaluate(reportedLost, null)).containsExactlyInAnyOrder(ProactiveFlag.LOST, ProactiveFlag.EXCEPTION);
        TrackingSnapshot expired = snapshot(TrackingStatus.EXPIRED, NOW.minus(Duration.ofDays(31)), null, false, null, NOW);
        assertThat(flags.evaluate(expired, null)).containsExactly(ProactiveFlag.LOST);
    }

    @Test
    void attemptFailIsAnExceptionAndReturnsAreFlagged() {
        TrackingSnapshot attempt = snapshot(TrackingStatus.ATTEMPT_FAIL, NOW.minusSeconds(60), null, false, IncidentReason.CONSIGNEE_NOT_HOME, NOW);
        assertThat(flags.evaluate(attempt, null)).containsExactly(ProactiveFlag.EXCEPTION);
        TrackingSnapshot returning = snapshot(TrackingStatus.IN_TRANSIT, NOW.minusSeconds(60), null, true, null, NOW);
        assertThat(flags.evaluate(returning, NOW.minus(Duration.ofDays(1))))
                .containsExactlyInAnyOrder(ProactiveFlag.RETURNED_TO_SENDER, ProactiveFlag.DELAYED);
    }

    @Test
    void silenceIsConfigurable() {
        ProactiveFlags strict = new ProactiveFlags(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(3));
        TrackingSnapshot s = snapshot(TrackingStatus.IN_TRANSIT, NOW.minus(Duration.ofDays(3)), null, false, null, NOW);
        assertThat(strict.evaluate(s, null)).containsExactly(ProactiveFlag.LOST);
        assertThat(flags.evaluate(s, null)).isEmpty();
    }
}
